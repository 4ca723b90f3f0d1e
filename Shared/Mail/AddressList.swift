import Foundation

/// Splits an address-list header (To, Cc) into its mailboxes.
enum AddressList {
    /// Commas inside quotes (`"Pérez, Juan" <j@x.pe>`), angle brackets or
    /// comments do not separate mailboxes.
    static func split(_ header: String) -> [String] {
        var items: [String] = []
        var current = ""
        var inQuotes = false
        var depth = 0
        var escaped = false
        for character in header {
            defer { escaped = !escaped && inQuotes && character == "\\" }
            switch character {
            case "\"" where !escaped: inQuotes.toggle()
            case "<", "(": if !inQuotes { depth += 1 }
            case ">", ")": if !inQuotes { depth = max(0, depth - 1) }
            case "," where !inQuotes && depth == 0:
                items.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        items.append(current)
        return items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

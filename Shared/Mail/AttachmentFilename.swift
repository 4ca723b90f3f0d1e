import Foundation

/// An attachment's filename prepared for the Content-Disposition header.
struct AttachmentFilename {
    /// Most file systems cap a name at 255 bytes; the cap also keeps the
    /// percent-encoded form (up to 3 × 255) within one 998-octet header line.
    static let maxBytes = 255

    /// The name, control characters removed, cut to `maxBytes` keeping the extension.
    let value: String
    /// What an RFC 2231-unaware reader sees: accents stripped ("Boletín" → "Boletin"),
    /// any other non-ASCII character as "_".
    let asciiFallback: String

    var isASCII: Bool { value.unicodeScalars.allSatisfy(\.isASCII) }

    init(_ raw: String) {
        let cleaned = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        value = Self.truncated(trimmed.isEmpty ? "attachment" : trimmed)
        let folded = value.folding(options: .diacriticInsensitive, locale: Locale(identifier: "en_US_POSIX"))
        asciiFallback = String(String.UnicodeScalarView(folded.unicodeScalars.map { $0.isASCII ? $0 : "_" }))
    }

    private static func truncated(_ name: String) -> String {
        guard name.utf8.count > maxBytes else { return name }
        // "acta….pdf" beats "acta…" without the extension that tells how to open it.
        let extensionStart = name.lastIndex(of: ".") ?? name.endIndex
        let suffix = name[extensionStart...].utf8.count <= 16 ? String(name[extensionStart...]) : ""
        var stem = String(name.dropLast(suffix.count))
        while stem.utf8.count + suffix.utf8.count > maxBytes { stem.removeLast() }
        return stem + suffix
    }
}

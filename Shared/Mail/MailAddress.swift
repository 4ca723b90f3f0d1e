import Foundation

/// A mailbox: an address with an optional display name.
public struct MailAddress: Sendable, Equatable {
    public var name: String?
    public var address: String

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// The mailbox as a header writes it: `Bodega Pena <a@b.pe>`, a quoted name
    /// when it holds specials (`"Doe, J." …` needs quotes for the comma and dot),
    /// RFC 2047 encoded-words when it is not ASCII, the bare address without a name.
    public var headerValue: String {
        let address = HeaderText.singleLine(address).trimmingCharacters(in: .whitespaces)
        guard let name = name.map({ HeaderText.singleLine($0).trimmingCharacters(in: .whitespaces) }), !name.isEmpty else {
            return address
        }
        return "\(Self.phrase(name)) <\(address)>"
    }

    private static func phrase(_ name: String) -> String {
        if HeaderText.needsEncoding(name) { return EncodedWord.encode(name).joined(separator: " ") }
        let isAtoms = name.unicodeScalars.allSatisfy { RFC5322.isAtext($0) || $0 == " " }
        return isAtoms ? name : MIMEParameters.quoted(name)
    }
}

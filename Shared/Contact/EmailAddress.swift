import Foundation

/// A practically validated e-mail address, as a sign-up or contact form needs it.
///
/// Deliberately stricter than RFC 5322 (no quoted local parts, comments or IP
/// literals) and ASCII only: what it accepts, every SMTP server accepts too.
public struct EmailAddress: Sendable, Hashable {
    public static let maxLength = 254
    public static let maxLocalPartLength = 64

    /// The local part as typed (some servers treat it case-sensitively), the
    /// domain lowercased: "Ana.Perez@bodega.pe".
    public let value: String

    public init(_ raw: String) throws(ContactValidationError) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyEmail }
        guard !trimmed.unicodeScalars.contains(where: Self.isForbidden) else { throw .emailInvalidCharacters }
        guard trimmed.utf8.count <= Self.maxLength else { throw .emailTooLong }
        let pieces = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard pieces.count > 1 else { throw .emailMissingAt }
        guard pieces.count == 2 else { throw .emailMultipleAt }
        let local = String(pieces[0])
        let domain = pieces[1].lowercased()
        guard Self.isValidLocalPart(local) else { throw .emailInvalidLocalPart }
        guard Self.isValidDomain(domain) else { throw .emailInvalidDomain }
        value = "\(local)@\(domain)"
    }

    /// Characters that never belong in an address typed into a form; they usually
    /// mean a pasted `"Name" <address>` or two addresses at once.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F || "<>\"".unicodeScalars.contains(scalar)
    }

    private static func isValidLocalPart(_ local: String) -> Bool {
        guard (1...maxLocalPartLength).contains(local.utf8.count),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        return local.unicodeScalars.allSatisfy { RFC5322.isAtext($0) || $0 == "." }
    }

    /// Host name labels (RFC 1035 §2.3.1, digits allowed first per RFC 1123) and
    /// an alphabetic top-level domain of two letters or more.
    private static func isValidDomain(_ domain: String) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, domain.utf8.count <= 253, let tld = labels.last,
              tld.count >= 2, tld.unicodeScalars.allSatisfy(isASCIILetter) else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}

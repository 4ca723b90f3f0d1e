import Foundation

/// Turns the bytes of a mail body or encoded word into text by its declared charset.
enum MailCharset {
    /// Never fails: an unknown charset, or UTF-8 that is not valid UTF-8, is read
    /// as ISO-8859-1, which maps every byte to a character, so a mislabelled
    /// message still shows its words.
    static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        switch normalized(charset) {
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1":
            return latin1(bytes)
        case "windows-1252", "cp1252":
            return String(data: Data(bytes), encoding: .windowsCP1252) ?? latin1(bytes)
        default:
            // us-ascii is a subset of UTF-8, and undeclared 8-bit text today is UTF-8.
            return String(validating: bytes, as: UTF8.self) ?? latin1(bytes)
        }
    }

    static func latin1(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    private static func normalized(_ charset: String?) -> String {
        (charset ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// Why a byte string could not be read as a mail message.
public enum MailParseError: Error, Equatable, Sendable {
    /// There were no bytes, or only whitespace.
    case empty
    /// The data does not start with a header field ("Name: value").
    case noHeaders

    /// Message for end users, in Spanish.
    public var message: String {
        switch self {
        case .empty: "El archivo de correo está vacío"
        case .noHeaders: "El archivo no es un correo: no empieza con encabezados"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .empty: "The mail file is empty"
        case .noHeaders: "The file is not a mail message: it does not start with header fields"
        }
    }
}

/// Why a CSV file could not be read at all.
public enum CSVError: Error, Hashable, Sendable {
    /// No bytes, or only blank lines.
    case empty
    /// A quoted field opened on `line` (from 1) never closes.
    case unterminatedQuote(line: Int)

    /// Message for end users, in Spanish.
    public var message: String {
        switch self {
        case .empty: "El archivo está vacío"
        case .unterminatedQuote(let line): "Línea \(line): unas comillas se abren y no se cierran"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .empty: "The file is empty"
        case .unterminatedQuote(let line): "Line \(line): a quote opens and never closes"
        }
    }
}

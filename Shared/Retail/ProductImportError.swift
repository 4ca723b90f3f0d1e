/// Why a product file cannot be imported at all, before any row is read.
public enum ProductImportError: Error, Hashable, Sendable {
    /// No column for a required field (name or price).
    case missingHeader(ProductField)
    /// Two columns mean the same field, e.g. "sku" and "codigo".
    case duplicateHeader(ProductField, first: String, second: String)

    /// Message for end users, in Spanish.
    public var message: String {
        switch self {
        case .missingHeader(let field): "Falta la columna «\(field.header)» (\(field.label.lowercased()))"
        case .duplicateHeader(let field, let first, let second):
            "Las columnas «\(first)» y «\(second)» son la misma (\(field.label.lowercased())): deje solo una"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .missingHeader(let field): "The column “\(field.header)” (\(field.labelEn.lowercased())) is missing"
        case .duplicateHeader(let field, let first, let second):
            "The columns “\(first)” and “\(second)” are the same (\(field.labelEn.lowercased())): keep only one"
        }
    }
}

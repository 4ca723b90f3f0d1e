/// A problem with one cell of a product row.
public struct ProductFieldError: Sendable, Hashable {
    public enum Problem: Sendable, Hashable {
        case required
        case tooLong(max: Int)
        case notAnAmount
        case notPositive
        case negative
        case barcode(BarcodeError)
        /// Excel turned a long code into "7.75018E+12", losing digits.
        case scientificNotation
        case quantity(QuantityError)
        /// A fractional stock for a product counted in units.
        case fractionalUnits
        case unknownUnit(String)
        case unknownAffectation(String)
        case notYesNo(String)
        /// The same barcode or SKU as the row on `firstLine`.
        case duplicate(firstLine: Int)
    }

    public let field: ProductField
    public let problem: Problem

    public init(_ field: ProductField, _ problem: Problem) {
        self.field = field
        self.problem = problem
    }

    /// Message for end users, in Spanish: "Precio: no es un monto válido (ej. 3.50)".
    public var message: String { "\(field.label): \(problemMessage)" }

    /// Message for logs and English-speaking operators.
    public var messageEn: String { "\(field.labelEn): \(problemMessageEn)" }

    private var problemMessage: String {
        switch problem {
        case .required: "es obligatorio"
        case .tooLong(let max): "admite hasta \(max) caracteres"
        case .notAnAmount: "no es un monto válido (ej. 3.50)"
        case .notPositive: "debe ser mayor que cero"
        case .negative: "no puede ser negativo"
        case .barcode(let error): error.message
        case .scientificNotation: "Excel lo convirtió a notación científica; dé formato de texto a la columna y escriba el código completo"
        case .quantity(let error): error.message
        case .fractionalUnits: "debe ser un número entero para productos que se venden por unidad"
        case .unknownUnit(let text): "«\(text)» no es una unidad conocida: use unidad o kg"
        case .unknownAffectation(let text): "«\(text)» no es una afectación conocida: use gravado, exonerado o inafecto"
        case .notYesNo(let text): "«\(text)» no es sí ni no"
        case .duplicate(let line): "se repite: ya está en la línea \(line)"
        }
    }

    private var problemMessageEn: String {
        switch problem {
        case .required: "is required"
        case .tooLong(let max): "allows at most \(max) characters"
        case .notAnAmount: "is not a valid amount (e.g. 3.50)"
        case .notPositive: "must be greater than zero"
        case .negative: "cannot be negative"
        case .barcode(let error): error.messageEn
        case .scientificNotation: "Excel turned it into scientific notation; format the column as text and type the full code"
        case .quantity(let error): error.messageEn
        case .fractionalUnits: "must be a whole number for products sold by the unit"
        case .unknownUnit(let text): "“\(text)” is not a known unit: use unidad or kg"
        case .unknownAffectation(let text): "“\(text)” is not a known affectation: use gravado, exonerado or inafecto"
        case .notYesNo(let text): "“\(text)” is neither yes nor no"
        case .duplicate(let line): "is repeated: it is already on line \(line)"
        }
    }
}

/// A validated Peruvian taxpayer number (Registro Único de Contribuyentes).
///
/// Holding a `RUC` proves the number is well formed (11 digits, a known
/// prefix and a correct check digit); it does not prove SUNAT lists it as
/// active, which needs an online lookup.
public struct RUC: Sendable, Hashable, CustomStringConvertible, DocumentIdentifier {
    /// Number of digits in every RUC.
    public static let length = 11
    /// Prefixes SUNAT assigns: 10 person with business, 15/16/17 special
    /// natural-person cases, 20 company.
    public static let validPrefixes: Set<String> = ["10", "15", "16", "17", "20"]

    /// The 11 digits, without surrounding whitespace.
    public let value: String

    /// Validates `raw`, ignoring surrounding whitespace.
    public init(_ raw: String) throws(DocumentValidationError) {
        let digits = try DocumentNumber.digits(raw, length: Self.length)
        guard Self.validPrefixes.contains(String(digits.prefix(2))) else { throw .invalidPrefix }
        let numbers = digits.compactMap(\.wholeNumberValue)
        guard Self.checkDigit(for: numbers.prefix(10)) == numbers[10] else { throw .badCheckDigit }
        value = digits
    }

    /// The RUC SUNAT gives a person with business income: 10, their DNI, and the check digit.
    public init(personDNI dni: DNI) {
        let firstTen = "10" + dni.value
        value = firstTen + String(Self.checkDigit(for: ArraySlice(firstTen.compactMap(\.wholeNumberValue))))
    }

    /// A RUC, or the DNI of a persona natural standing for their RUC 10.
    public static func fromRUCOrDNI(_ raw: String) throws(DocumentValidationError) -> RUC {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.count == DNI.length { return RUC(personDNI: try DNI(trimmed)) }
        return try RUC(trimmed)
    }

    /// The DNI inside a RUC 10.
    public var personDNI: String? { isPersonWithBusiness ? String(value.dropFirst(2).prefix(DNI.length)) : nil }

    /// `true` for companies and other legal entities (prefix 20).
    public var isCompany: Bool { value.hasPrefix("20") }

    /// `true` for individuals with business income (prefix 10), whose RUC
    /// embeds their DNI.
    public var isPersonWithBusiness: Bool { value.hasPrefix("10") }

    /// The RUC digits, so it interpolates as the bare number.
    public var description: String { value }

    /// SUNAT's modulo-11 check digit over the first ten digits.
    static func checkDigit(for firstTen: ArraySlice<Int>) -> Int {
        let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        let sum = zip(firstTen, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let remainder = 11 - sum % 11
        // Two-digit results map back to one digit as SUNAT specifies.
        switch remainder {
        case 10: return 0
        case 11: return 1
        default: return remainder
        }
    }
}

/// How a product is sold, by SUNAT unit code (catálogo 03).
public enum UnitOfMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    /// Counted items ("unidad").
    case unit = "NIU"
    /// Sold by weight.
    case kilogram = "KGM"

    /// Reads what people write in a spreadsheet: "unidad", "und", "NIU",
    /// "kg", "KGM"…, ignoring case and accents; `nil` for anything else.
    public init?(text: String) {
        guard let unit = RetailText.match(text, spellings: \Self.spellings) else { return nil }
        self = unit
    }

    /// The word an export writes, read back by `init(text:)`.
    public var word: String {
        switch self {
        case .unit: "unidad"
        case .kilogram: "kg"
        }
    }

    private var spellings: [String] {
        switch self {
        case .unit: ["unidad", "unidades", "und", "unid", "niu"]
        case .kilogram: ["kg", "kgm", "kilo", "kilos", "kilogramo", "kilogramos"]
        }
    }
}

/// How IGV applies to a product, by SUNAT code (catálogo 07, onerous operations).
public enum IGVAffectation: Int, Sendable, Hashable, Codable, CaseIterable {
    /// Taxed at 18%; the shelf price includes the IGV.
    case gravado = 10
    /// Exempt (e.g. some fresh produce): no IGV.
    case exonerado = 20
    /// Not subject to IGV: no IGV.
    case inafecto = 30

    /// Reads "gravado", "Exonerada", "30"… ignoring case and accents; `nil` for anything else.
    public init?(text: String) {
        guard let value = RetailText.match(text, spellings: \Self.spellings) else { return nil }
        self = value
    }

    /// The word exports write: "gravado", "exonerado", "inafecto".
    public var word: String {
        switch self {
        case .gravado: "gravado"
        case .exonerado: "exonerado"
        case .inafecto: "inafecto"
        }
    }

    // SUNAT's own wording is feminine ("operación gravada"), so people type both.
    private var spellings: [String] {
        switch self {
        case .gravado: ["10", "gravado", "gravada"]
        case .exonerado: ["20", "exonerado", "exonerada"]
        case .inafecto: ["30", "inafecto", "inafecta"]
        }
    }
}

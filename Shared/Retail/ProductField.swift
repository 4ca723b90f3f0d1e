/// A column of the product import/export file.
///
/// Cases are in export order; the first spelling of each is the Spanish
/// header exports write, and imports accept any spelling, ignoring case,
/// accents and whether words are joined by spaces, "-" or "_".
public enum ProductField: String, Sendable, Hashable, Codable, CaseIterable {
    case name, sku, barcode, category, unit, price, affectation, cost, stock, minStock, allowNegative

    public var header: String { spellings[0] }

    /// The field a header names, or `nil` for a column the import ignores.
    public init?(header: String) {
        guard let field = RetailText.match(header, spellings: \Self.spellings) else { return nil }
        self = field
    }

    public var isRequired: Bool { self == .name || self == .price }

    var spellings: [String] {
        switch self {
        case .name: ["nombre", "name"]
        case .sku: ["sku", "codigo"]
        case .barcode: ["codigo_barras", "codigo_de_barras", "barcode", "ean"]
        case .category: ["categoria", "category"]
        case .unit: ["unidad", "unit"]
        case .price: ["precio", "price"]
        case .affectation: ["igv", "afectacion", "afectacion_igv"]
        case .cost: ["costo", "cost"]
        case .stock: ["stock"]
        case .minStock: ["stock_minimo", "min_stock", "low_stock"]
        case .allowNegative: ["stock_negativo", "allow_negative"]
        }
    }

    /// The column's name in messages, in Spanish.
    public var label: String {
        switch self {
        case .name: "Nombre"
        case .sku: "Código (SKU)"
        case .barcode: "Código de barras"
        case .category: "Categoría"
        case .unit: "Unidad"
        case .price: "Precio"
        case .affectation: "Afectación IGV"
        case .cost: "Costo"
        case .stock: "Stock"
        case .minStock: "Stock mínimo"
        case .allowNegative: "Stock negativo"
        }
    }

    public var labelEn: String {
        switch self {
        case .name: "Name"
        case .sku: "SKU"
        case .barcode: "Barcode"
        case .category: "Category"
        case .unit: "Unit"
        case .price: "Price"
        case .affectation: "IGV affectation"
        case .cost: "Cost"
        case .stock: "Stock"
        case .minStock: "Minimum stock"
        case .allowNegative: "Negative stock"
        }
    }
}

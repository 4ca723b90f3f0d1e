/// A product as the import/export file carries it, validated.
public struct ProductRow: Sendable, Hashable {
    public var name: String
    public var sku: String?
    public var barcode: Barcode?
    public var category: String?
    public var unit: UnitOfMeasure
    /// Shelf price, IGV included.
    public var price: Money
    public var affectation: IGVAffectation
    public var cost: Money?
    public var stock: Quantity?
    /// The low-stock alert threshold.
    public var minStock: Quantity?
    /// Whether sales may take stock below zero.
    public var allowNegative: Bool

    public init(name: String, sku: String? = nil, barcode: Barcode? = nil, category: String? = nil,
                unit: UnitOfMeasure = .unit, price: Money, affectation: IGVAffectation = .gravado,
                cost: Money? = nil, stock: Quantity? = nil, minStock: Quantity? = nil, allowNegative: Bool = false) {
        self.name = name
        self.sku = sku
        self.barcode = barcode
        self.category = category
        self.unit = unit
        self.price = price
        self.affectation = affectation
        self.cost = cost
        self.stock = stock
        self.minStock = minStock
        self.allowNegative = allowNegative
    }
}

// MARK: - Export

extension ProductRow {
    /// The Spanish headers, in `ProductField` order, that the import reads back.
    public static var csvHeader: [String] { ProductField.allCases.map(\.header) }

    /// The row's cells under `csvHeader`; an import reads them back to an equal row.
    public var csvRecord: [String] {
        ProductField.allCases.map(cell)
    }

    /// A whole export file (header first) as Excel-friendly CSV bytes.
    public static func csv(_ products: [ProductRow], separator: CSVSeparator = .comma) -> [UInt8] {
        CSVWriter(separator: separator).bytes([csvHeader] + products.map(\.csvRecord))
    }

    private func cell(_ field: ProductField) -> String {
        switch field {
        // Free text: kept from turning into a formula (numbers are written by us and stay as they are).
        case .name: CSVWriter.inert(name)
        case .sku: CSVWriter.inert(sku ?? "")
        case .barcode: barcode?.digits ?? ""
        case .category: CSVWriter.inert(category ?? "")
        case .unit: unit.word
        case .price: price.decimalText
        case .affectation: affectation.word
        case .cost: cost?.decimalText ?? ""
        case .stock: stock?.text ?? ""
        case .minStock: minStock?.text ?? ""
        case .allowNegative: allowNegative ? "si" : "no"
        }
    }
}

/// A product file checked row by row without saving anything: the dry run
/// an import page previews before the owner confirms.
public struct ProductImport: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case product(ProductRow)
        case errors([ProductFieldError])
    }

    public struct Row: Sendable, Hashable {
        /// The file line (from 1) the row starts on.
        public let line: Int
        public let outcome: Outcome
    }

    public let rows: [Row]
    /// Headers that name no field, kept so the preview can say they were ignored.
    public let ignoredHeaders: [String]

    public var products: [ProductRow] {
        rows.compactMap { if case .product(let product) = $0.outcome { product } else { nil } }
    }

    public var rowsWithErrors: [Row] {
        rows.filter { if case .errors = $0.outcome { true } else { false } }
    }

    public init(table: CSVTable) throws(ProductImportError) {
        let (columns, ignored) = try Self.columns(of: table.header)
        var firstLineByBarcode: [String: Int] = [:]
        var firstLineBySKU: [String: Int] = [:]
        rows = table.rows.map { row in
            var reader = ProductRowReader(columns: columns, row: row)
            let product = reader.read()
            if let barcode = reader.barcode, let first = firstLineByBarcode[barcode.digits] {
                reader.fail(.barcode, .duplicate(firstLine: first))
            } else if let barcode = reader.barcode {
                firstLineByBarcode[barcode.digits] = row.line
            }
            // SKUs are typed by hand, so "ab-1" and "AB-1" are the same code.
            if let sku = reader.sku?.uppercased(), let first = firstLineBySKU[sku] {
                reader.fail(.sku, .duplicate(firstLine: first))
            } else if let sku = reader.sku?.uppercased() {
                firstLineBySKU[sku] = row.line
            }
            let outcome: Outcome = if let product, reader.errors.isEmpty { .product(product) } else { .errors(reader.errors) }
            return Row(line: row.line, outcome: outcome)
        }
        ignoredHeaders = ignored
    }

    /// Which column holds each field; unknown headers are ignored, not refused.
    private static func columns(of header: CSVTable.Row) throws(ProductImportError) -> ([ProductField: Int], [String]) {
        var columns: [ProductField: Int] = [:]
        var ignored: [String] = []
        for (index, name) in header.fields.enumerated() {
            guard let field = ProductField(header: name) else {
                if !name.allSatisfy(\.isWhitespace) { ignored.append(name) }
                continue
            }
            if let first = columns[field] {
                throw .duplicateHeader(field, first: header.fields[first], second: name)
            }
            columns[field] = index
        }
        if let missing = ProductField.allCases.first(where: { $0.isRequired && columns[$0] == nil }) {
            throw .missingHeader(missing)
        }
        return (columns, ignored)
    }
}

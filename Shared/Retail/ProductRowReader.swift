/// Reads one data row of a product file, collecting every cell's problem
/// instead of stopping at the first, so the preview lists them all at once.
struct ProductRowReader {
    let columns: [ProductField: Int]
    let row: CSVTable.Row
    private(set) var errors: [ProductFieldError] = []
    /// Kept even when other cells fail, so duplicates are still caught.
    private(set) var barcode: Barcode?
    private(set) var sku: String?

    init(columns: [ProductField: Int], row: CSVTable.Row) {
        self.columns = columns
        self.row = row
    }

    /// The row's product, or `nil` when `errors` is not empty.
    mutating func read() -> ProductRow? {
        let name = string(.name, max: 200)
        sku = string(.sku, max: 40)
        barcode = readBarcode()
        let category = string(.category, max: 60)
        let unit = choice(.unit, default: .unit, UnitOfMeasure.init(text:), ProductFieldError.Problem.unknownUnit)
        let price = money(.price)
        let affectation = choice(.affectation, default: .gravado, IGVAffectation.init(text:),
                                 ProductFieldError.Problem.unknownAffectation)
        let cost = money(.cost)
        let stock = quantity(.stock, unit: unit)
        let minStock = quantity(.minStock, unit: unit)
        let allowNegative = yesNo(.allowNegative)
        guard errors.isEmpty, let name, let price else { return nil }
        return ProductRow(name: name, sku: sku, barcode: barcode, category: category, unit: unit, price: price,
                          affectation: affectation, cost: cost, stock: stock, minStock: minStock, allowNegative: allowNegative)
    }

    mutating func fail(_ field: ProductField, _ problem: ProductFieldError.Problem) {
        errors.append(ProductFieldError(field, problem))
    }

    /// The trimmed cell, `nil` when empty or the column is absent; required fields report their absence.
    private mutating func cell(_ field: ProductField) -> String? {
        let text = columns[field].map { row[$0].trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard !text.isEmpty else {
            if field.isRequired { fail(field, .required) }
            return nil
        }
        return text
    }

    private mutating func string(_ field: ProductField, max: Int) -> String? {
        guard let cell = cell(field) else { return nil }
        // Our own export protects formula-like text with an apostrophe; it is not part of the name.
        let text = CSVWriter.restored(cell)
        guard text.count <= max else { fail(field, .tooLong(max: max)); return nil }
        return text
    }

    private mutating func readBarcode() -> Barcode? {
        guard let text = cell(.barcode) else { return nil }
        guard !text.uppercased().contains("E+") else { fail(.barcode, .scientificNotation); return nil }
        do {
            return try Barcode(text)
        } catch {
            fail(.barcode, .barcode(error))
            return nil
        }
    }

    /// Price must be above zero, cost may be zero.
    private mutating func money(_ field: ProductField) -> Money? {
        guard let text = cell(field) else { return nil }
        guard let amount = Money.parseSpreadsheet(text) else { fail(field, .notAnAmount); return nil }
        if field == .price, amount.cents <= 0 { fail(field, .notPositive); return nil }
        guard !amount.isNegative else { fail(field, .negative); return nil }
        return amount
    }

    private mutating func quantity(_ field: ProductField, unit: UnitOfMeasure) -> Quantity? {
        guard let text = cell(field) else { return nil }
        do {
            let quantity = try Quantity.parse(text)
            guard unit == .kilogram || quantity.isWhole else { fail(field, .fractionalUnits); return nil }
            return quantity
        } catch {
            fail(field, .quantity(error))
            return nil
        }
    }

    private mutating func choice<Value>(_ field: ProductField, default value: Value, _ parse: (String) -> Value?,
                                        _ problem: (String) -> ProductFieldError.Problem) -> Value {
        guard let text = cell(field) else { return value }
        guard let parsed = parse(text) else { fail(field, problem(text)); return value }
        return parsed
    }

    private mutating func yesNo(_ field: ProductField) -> Bool {
        choice(field, default: false, { text in
            switch RetailText.folded(text) {
            case "si", "s", "yes", "y", "1", "true": true
            case "no", "n", "0", "false": false
            default: nil
            }
        }, ProductFieldError.Problem.notYesNo)
    }
}

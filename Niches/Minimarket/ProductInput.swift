import Core
import Foundation
import Shared

/// A product as the API and the pages send it, read with every problem at its JSON pointer.
struct ProductValues: Sendable {
    var name: String
    var sku: String?
    var barcode: String?
    var category: String
    var unit: String
    var price: Money
    var tax: String
    var cost: Money?
    var lowStock: Quantity
    var allowNegative: Bool
    var active: Bool
    /// Opening stock, only when creating; later changes go through the ledger.
    var stock: Quantity?
}

enum ProductInput {
    static let units = ["unit": UnitOfMeasure.unit.rawValue, "kg": UnitOfMeasure.kilogram.rawValue]
    static let taxes = ["gravado", "exonerado", "inafecto"]

    /// `existing` gives the values a PATCH leaves alone; creating needs name and price.
    static func read(_ reader: JSONObjectReader, existing: ProductValues?) -> ProductValues? {
        let creating = existing == nil
        let name = reader.string("name", required: creating, minLength: 1, maxLength: 200)
        let sku = reader.string("sku", maxLength: 40)
        let barcode = barcodeField(reader)
        let category = reader.string("category", maxLength: 60)
        let unit = reader.choice("unit", in: Array(units.keys).sorted()).flatMap { units[$0] }
        let price = money(reader, "price", required: creating, positive: true)
        let tax = reader.choice("tax", in: taxes)
        let cost = money(reader, "cost", positive: false)
        let lowStock = quantity(reader, "low_stock")
        let allowNegative = reader.bool("allow_negative")
        let active = reader.bool("active")
        let stock = creating ? quantity(reader, "stock") : nil
        reader.finish()
        guard reader.log.problems.isEmpty else { return nil }
        if let existing {
            return ProductValues(
                name: name ?? existing.name, sku: reader.has("sku") ? sku : existing.sku, barcode: reader.has("barcode") ? barcode : existing.barcode,
                category: category ?? existing.category, unit: unit ?? existing.unit, price: price ?? existing.price, tax: tax ?? existing.tax,
                cost: reader.has("cost") ? cost : existing.cost, lowStock: lowStock ?? existing.lowStock,
                allowNegative: allowNegative ?? existing.allowNegative, active: active ?? existing.active, stock: nil)
        }
        guard let name, let price else { return nil }
        return ProductValues(name: name, sku: sku, barcode: barcode, category: category ?? "General", unit: unit ?? UnitOfMeasure.unit.rawValue, price: price,
                             tax: tax ?? "gravado", cost: cost, lowStock: lowStock ?? Quantity(milli: 0), allowNegative: allowNegative ?? false,
                             active: active ?? true, stock: stock)
    }

    static func barcodeField(_ reader: JSONObjectReader) -> String? {
        guard let text = reader.string("barcode", maxLength: 14) else { return nil }
        do {
            return try Barcode.validate(text)
        } catch {
            reader.log.add(InputProblem(pointer: reader.path("barcode"), rule: "check_digit", message: error.message, messageEn: error.messageEn))
            return nil
        }
    }

    static func money(_ reader: JSONObjectReader, _ key: String, required: Bool = false, positive: Bool) -> Money? {
        guard let value = reader.decimal(key, required: required, positive: positive, maxDecimals: 2) else { return nil }
        if value < 0 { reader.log.add(reader.path(key), .nonNegative); return nil }
        return Money(decimal: value)
    }

    static func quantity(_ reader: JSONObjectReader, _ key: String) -> Quantity? {
        guard let value = reader.decimal(key, maxDecimals: 3) else { return nil }
        return Quantity(decimal: value)
    }
}

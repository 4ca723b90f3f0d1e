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
        // An empty SKU or barcode is none (on PATCH: removes it), not a value two products could share.
        let sku = reader.string("sku", maxLength: 40).flatMap { $0.isEmpty ? nil : $0 }
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
        guard let text = reader.string("barcode", maxLength: 14), !text.isEmpty else { return nil }
        if raw(reader, "barcode") != text { reader.log.add(reader.path("barcode"), .format("^([0-9]{8}|[0-9]{12,13})$")); return nil }
        do {
            return try Barcode.validate(text)
        } catch {
            reader.log.add(InputProblem(pointer: reader.path("barcode"), rule: "check_digit", message: error.message, messageEn: error.messageEn))
            return nil
        }
    }

    /// The largest amount or quantity a field takes (S/ 1,000,000; a million units or kilograms),
    /// so that no sum of a sale's lines or payments can overflow.
    static let maximum: Decimal = 1_000_000

    static func money(_ reader: JSONObjectReader, _ key: String, required: Bool = false, positive: Bool) -> Money? {
        decimal(reader, key, required: required, positive: positive, maxDecimals: 2).flatMap { Money(decimal: $0) }
    }

    static func quantity(_ reader: JSONObjectReader, _ key: String, required: Bool = false, positive: Bool = false, signed: Bool = false) -> Quantity? {
        decimal(reader, key, required: required, positive: positive, signed: signed, maxDecimals: 3).flatMap(Quantity.init(decimal:))
    }

    /// A JSON number, or a string of digits with an optional fraction ("3.50") and nothing around
    /// it; a leading minus only when `signed`. At most `maxDecimals` decimals and `maximum` in size;
    /// `positive` refuses zero too. Every refusal is logged at the field's pointer.
    static func decimal(_ reader: JSONObjectReader, _ key: String, required: Bool = false, positive: Bool = false, signed: Bool = false,
                        maxDecimals: Int) -> Decimal? {
        guard let value = reader.value(key, required: required) else { return nil }
        let number: Decimal
        switch value {
        case .number(let decimal): number = decimal
        case .string(let text):
            guard isDecimalText(text, signed: signed), let parsed = DecimalText.parse(text) else {
                reader.log.add(reader.path(key), .format(signed ? "-?[0-9]+(.[0-9]+)?" : "[0-9]+(.[0-9]+)?")); return nil
            }
            number = parsed
        default:
            reader.log.add(reader.path(key), .type(expected: "number")); return nil
        }
        if positive && number <= 0 { reader.log.add(reader.path(key), .positive); return nil }
        if !signed && number < 0 { reader.log.add(reader.path(key), .nonNegative); return nil }
        if DecimalText.scale(of: number) > maxDecimals { reader.log.add(reader.path(key), .decimals(maxDecimals)); return nil }
        if abs(number) > maximum {
            reader.log.add(InputProblem(pointer: reader.path(key), rule: "maximum", message: "debe ser como máximo 1000000",
                                        messageEn: "must be at most 1000000"))
            return nil
        }
        return number
    }

    /// Digits, optionally a point and more digits; a minus first when `signed`.
    static func isDecimalText(_ text: String, signed: Bool) -> Bool {
        var body = Substring(text)
        if signed, body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// The string as sent, before the reader trims it.
    static func raw(_ reader: JSONObjectReader, _ key: String) -> String? {
        if case .string(let text)? = reader.value(key) { return text }
        return nil
    }
}

import Core
import EInvoicing
import Foundation
import Shared

/// One item of a document as entered: the price per unit includes IGV, as businesses quote
/// it. Kept as decimal strings so the stored JSON never goes through `Double`.
struct DocumentItem: Codable, Sendable, Equatable {
    var description: String
    var quantity: String
    var unitPrice: String
    var unitCode: String
    var tax: ItemTax
    var productCode: String?

    enum CodingKeys: String, CodingKey {
        case description, quantity, tax
        case unitPrice = "unit_price"
        case unitCode = "unit_code"
        case productCode = "product_code"
    }

    var quantityValue: Decimal { DecimalText.parse(quantity) ?? 0 }
    var unitPriceValue: Decimal { DecimalText.parse(unitPrice) ?? 0 }

    var engineLine: Line {
        switch tax {
        case .gravado:
            Line(description: description, unitCode: unitCode, quantity: quantityValue, unitPrice: unitPriceValue,
                 affectation: .gravado, productCode: productCode)
        case .exonerado, .inafecto:
            // With no IGV the price is the value.
            Line(description: description, unitCode: unitCode, quantity: quantityValue, unitValue: unitPriceValue,
                 affectation: tax == .exonerado ? .exonerado : .inafecto, productCode: productCode)
        }
    }

    /// Reads one item object, logging problems at its pointer.
    static func read(_ reader: JSONObjectReader) -> DocumentItem? {
        let description = reader.string("description", required: true, maxLength: 500)
        let quantity = reader.decimal("quantity", required: true, positive: true, maxDecimals: 10)
        let price = reader.decimal("unit_price", required: true, positive: true, maxDecimals: 10)
        let unitCode = reader.string("unit_code", maxLength: 3)
        if let unitCode, !(2...3).contains(unitCode.count) || !unitCode.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
            reader.log.add(reader.path("unit_code"), .format("^[A-Z0-9]{2,3}$"))
        }
        let tax = reader.choice("tax", in: ItemTax.allCases.map(\.rawValue)).flatMap(ItemTax.init(rawValue:))
        let productCode = reader.string("product_code", maxLength: 30)
        reader.finish()
        guard let description, let quantity, let price else { return nil }
        return DocumentItem(description: description, quantity: DecimalText.trimmed(quantity, maxScale: 10),
                            unitPrice: DecimalText.trimmed(price, maxScale: 10, minScale: 2), unitCode: unitCode ?? "NIU",
                            tax: tax ?? .gravado, productCode: productCode)
    }

    static func encode(_ items: [DocumentItem]) -> String {
        String(decoding: (try? JSONEncoder.jobs.encode(items)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decode(_ json: String) -> [DocumentItem] {
        (try? JSONDecoder().decode([DocumentItem].self, from: Data(json.utf8))) ?? []
    }
}

enum ItemTax: String, Codable, Sendable, CaseIterable {
    case gravado, exonerado, inafecto
}

/// A document's item as the sales report reads it.
public struct SoldItem: Sendable {
    public let description: String
    public let productCode: String?
    public let quantity: Decimal
    /// Quantity × unit price (IGV included), in céntimos.
    public let total: Int64

    /// The description without what an issuer adds after " – " (a booking's date and time),
    /// so one service sold on many days is one product.
    public var label: String { Self.label(description, coded: productCode != nil) }

    public static func label(_ description: String, coded: Bool) -> String {
        guard coded, let range = description.range(of: " – ") else { return description }
        return String(description[..<range.lowerBound])
    }

    public static func decode(_ itemsJSON: String) -> [SoldItem] {
        DocumentItem.decode(itemsJSON).map { item in
            SoldItem(description: item.description, productCode: item.productCode, quantity: item.quantityValue,
                     total: Money.rounded(item.quantityValue * item.unitPriceValue).cents)
        }
    }
}

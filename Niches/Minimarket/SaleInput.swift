import Core
import Fluent
import Foundation
import Shared

/// `POST /api/v1/minimarket/sales` (and the till's page, which posts the same JSON), read with
/// every problem at its JSON pointer. Lines name a product by id or by barcode.
enum SaleInput {
    static func read(_ reader: JSONObjectReader, tenantID: UUID, on db: any Database) async throws -> SaleOrder {
        let clientID = reader.string("client_id", required: true, minLength: 8, maxLength: 64)
        // Checked as sent, not trimmed: the till's id is compared byte for byte.
        if clientID != nil, let raw = ProductInput.raw(reader, "client_id"),
           !raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            reader.log.add(reader.path("client_id"), .format("^[A-Za-z0-9_-]{8,64}$"))
        }
        let lineReaders = reader.objects("lines", required: true, minItems: 1, maxItems: 300) ?? []
        let wanted = lineReaders.map(line)
        let payments = (reader.objects("payments", required: true, minItems: 1, maxItems: 10) ?? []).compactMap(payment)
        let customer = reader.object("customer").map(self.customer) ?? SaleOrder.Customer()
        reader.finish()
        let lines = try await resolve(wanted, readers: lineReaders, tenantID: tenantID, on: db)
        try reader.log.throwIfAny()
        guard let clientID else { throw InputProblems(reader.log.problems) }
        return SaleOrder(clientID: clientID, lines: lines, payments: payments, customer: customer)
    }

    struct WantedLine {
        var productID: UUID?
        var barcode: String?
        var quantity: Quantity?
        var discount: Money
    }

    static func line(_ reader: JSONObjectReader) -> WantedLine {
        var productID: UUID?
        if let text = reader.string("product_id") {
            productID = UUID(uuidString: text)
            if productID == nil { reader.log.add(reader.path("product_id"), .format("uuid")) }
        }
        // A UPC-A code (12 digits) is stored as its EAN-13 form, so it is looked up that way.
        let barcode = reader.string("barcode", maxLength: 14).map { (try? Barcode.validate($0)) ?? $0 }
        if productID == nil, barcode == nil, !reader.has("product_id") {
            reader.log.add(InputProblem(pointer: reader.path("product_id"), rule: "one_of", message: "envíe product_id o barcode",
                                        messageEn: "send product_id or barcode"))
        }
        let quantity = ProductInput.quantity(reader, "quantity", required: true, positive: true)
        let discount = ProductInput.money(reader, "discount", positive: false) ?? .zero()
        reader.finish()
        return WantedLine(productID: productID, barcode: barcode, quantity: quantity, discount: discount)
    }

    /// Barcodes become product ids; an unknown one is named at its line, nothing is sold.
    static func resolve(_ wanted: [WantedLine], readers: [JSONObjectReader], tenantID: UUID, on db: any Database) async throws -> [SaleOrder.Line] {
        let codes = wanted.compactMap(\.barcode)
        let known = codes.isEmpty ? [] : try await TenantScope(tenantID: tenantID, db: db).query(MarketProduct.self).filter(\.$barcode ~~ codes).all()
        return zip(wanted, readers).compactMap { line, reader in
            var id = line.productID
            if id == nil, let code = line.barcode {
                id = known.first { $0.barcode == code }?.id
                if id == nil {
                    reader.log.add(InputProblem(pointer: reader.path("barcode"), rule: "not_found", message: "no hay un producto con el código \(code)",
                                                messageEn: "no product has barcode \(code)"))
                }
            }
            guard let id, let quantity = line.quantity else { return nil }
            return SaleOrder.Line(productID: id, quantity: quantity, discount: line.discount)
        }
    }

    static func payment(_ reader: JSONObjectReader) -> SaleOrder.Payment? {
        let method = reader.choice("method", in: PaymentMethod.allCases.map(\.rawValue), required: true).flatMap(PaymentMethod.init(rawValue:))
        let amount = ProductInput.money(reader, "amount", required: true, positive: false)
        let tendered = ProductInput.money(reader, "tendered", positive: false)
        let reference = reader.string("reference", maxLength: 40).flatMap { $0.isEmpty ? nil : $0 }
        if let method, method == .yape || method == .plin, reference == nil {
            reader.log.add(InputProblem(pointer: reader.path("reference"), rule: "required",
                                        message: "escriba el número de operación de \(method.name)",
                                        messageEn: "enter the \(method.nameEn) operation number"))
        }
        reader.finish()
        guard let method, let amount else { return nil }
        return SaleOrder.Payment(method: method, amount: amount, tendered: tendered, reference: reference)
    }

    static func customer(_ reader: JSONObjectReader) -> SaleOrder.Customer {
        // An empty name is none: "Clientes varios" on a boleta, refused for a factura.
        var customer = SaleOrder.Customer(name: reader.string("name", maxLength: 200).flatMap { $0.isEmpty ? nil : $0 },
                                          email: reader.string("email", maxLength: 200))
        if let ruc = reader.string("ruc") {
            do { customer.ruc = try RUC(ruc).value } catch {
                reader.log.add(InputProblem(pointer: reader.path("ruc"), rule: "check_digit", message: error.message, messageEn: error.messageEn))
            }
        }
        if let dni = reader.string("dni") {
            do { customer.dni = try DNI(dni).value } catch {
                reader.log.add(InputProblem(pointer: reader.path("dni"), rule: "format", message: error.message, messageEn: error.messageEn))
            }
        }
        if let email = customer.email, (try? EmailAddress(email)) == nil {
            reader.log.add(reader.path("email"), .format("email"))
        }
        if customer.ruc != nil, customer.name == nil { reader.log.add(reader.path("name"), .required) }
        reader.finish()
        return customer
    }
}

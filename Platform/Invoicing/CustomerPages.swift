import Core
import EInvoicing
import Fluent
import Foundation
import Shared
import Vapor

/// `/t/{tenant}/customers`: search, add, edit and delete (hide) customers.
enum CustomerPages {
    static func routes(_ app: Application) {
        let pages = app.tenantPages.grouped("customers")
        pages.get(use: list)
        pages.post(use: create)
        pages.get(":id", use: edit)
        pages.post(":id", use: update)
        pages.post(":id", "delete", use: delete)
    }

    struct Form: Vapor.Content {
        var document_type: String?
        var document_number: String?
        var name: String?
        var email: String?
        var phone: String?
        var address: String?

        /// Read by the API's own rules (see `CustomerData.read`).
        func data() throws(InputProblems) -> CustomerData {
            var body: [String: JSONValue] = [:]
            for (key, value) in [("document_type", document_type), ("document_number", document_number), ("name", name),
                                 ("email", email), ("phone", phone), ("address", address)] {
                if let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty { body[key] = .string(value) }
            }
            let reader = JSONObjectReader(.object(body))
            let data = CustomerData.read(reader)
            try reader.log.throwIfAny()
            guard let data else { throw InputProblems(reader.log.problems) }
            return data
        }
    }

    struct Row: Encodable {
        let id: String
        let name: String
        let document: String
        let email: String?
        let phone: String?
    }


    struct Content: Encodable {
        let base: String
        let query: String
        let rows: [Row]
        let form: Form
        let documentTypes: [SelectOption]
        let errors: [String: String]
        let editing: String?
        let flash: String?
        let canWrite: Bool
    }

    static func base(_ req: Request) throws -> String { "/t/\(try req.tenantContext.tenant.slug)/customers" }

    static func render(_ req: Request, form: Form = Form(), errors: [String: String] = [:], editing: InvoiceCustomer? = nil) async throws -> View {
        let query = req.query[String.self, at: "q"] ?? ""
        let customers = try await CustomerBook.search(query, scope: try req.tenantScope, limit: 200, after: nil)
        let content = Content(
            base: try base(req), query: query,
            rows: try customers.map { customer in
                Row(id: try customer.requireID().lowercased, name: customer.name,
                    document: "\(req.t("customer.doc.\(customer.documentType)")) \(customer.documentNumber)",
                    email: customer.email, phone: customer.phone)
            },
            form: form,
            documentTypes: CustomerData.documentTypes.map {
                SelectOption(value: $0.rawValue, label: req.t("customer.doc.\($0.rawValue)"), selected: (form.document_type ?? "6") == $0.rawValue)
            },
            errors: errors, editing: try editing?.requireID().lowercased,
            flash: ["saved", "deleted"].first { req.query[String.self, at: $0] != nil }.map { req.t("customer.flash.\($0)") },
            canWrite: (try? req.require(CorePermission.customersWrite)) != nil)
        return try await req.renderPage("invoicing/customers", content, title: req.t("customers.title"))
    }

    @Sendable static func list(req: Request) async throws -> View {
        try req.require(CorePermission.customersRead)
        return try await render(req)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(CorePermission.customersWrite)
        let form = try req.content.decode(Form.self)
        do {
            _ = try await CustomerBook.create(try form.data(), scope: try req.tenantScope, on: req.db)
        } catch let problems as InputProblems {
            return try await render(req, form: form, errors: problems.formErrors(req.language)).encodeResponse(status: .unprocessableEntity, for: req)
        } catch is CustomerBook.Duplicate {
            return try await render(req, form: form, errors: ["document_number": req.t("customer.error.duplicate")])
                .encodeResponse(status: .conflict, for: req)
        }
        return req.redirect(to: "\(try base(req))?saved=1")
    }

    @Sendable static func edit(req: Request) async throws -> View {
        try req.require(CorePermission.customersWrite)
        let customer = try await req.tenantScope.require(InvoiceCustomer.self, req.parameters.get("id", as: UUID.self))
        let form = Form(document_type: customer.documentType, document_number: customer.documentNumber, name: customer.name,
                        email: customer.email, phone: customer.phone, address: customer.address)
        return try await render(req, form: form, editing: customer)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.require(CorePermission.customersWrite)
        let customer = try await req.tenantScope.require(InvoiceCustomer.self, req.parameters.get("id", as: UUID.self))
        let form = try req.content.decode(Form.self)
        do {
            let data = try form.data()
            if let other = try await CustomerBook.find(data, scope: try req.tenantScope, on: req.db, withDeleted: true), other.id != customer.id {
                return try await render(req, form: form, errors: ["document_number": req.t("customer.error.duplicate")], editing: customer)
                    .encodeResponse(status: .conflict, for: req)
            }
            customer.apply(data)
            try await customer.save(on: req.db)
        } catch let problems as InputProblems {
            return try await render(req, form: form, errors: problems.formErrors(req.language), editing: customer)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "\(try base(req))?saved=1")
    }

    /// Hides the customer; documents issued to it keep its data and link.
    @Sendable static func delete(req: Request) async throws -> Response {
        try req.require(CorePermission.customersWrite)
        let customer = try await req.tenantScope.require(InvoiceCustomer.self, req.parameters.get("id", as: UUID.self))
        try await customer.delete(on: req.db)
        return req.redirect(to: "\(try base(req))?deleted=1")
    }
}

import Core
import Fluent
import Foundation
import Shared
import Vapor

/// `/t/{tenant}/salon/services`: what the salon offers, started from templates and adjusted.
/// A service taken out of the offer is hidden, never deleted, so past bookings keep it.
enum ServicePages {
    static func routes(_ pages: any RoutesBuilder) {
        let services = pages.grouped("services")
        services.get(use: list)
        services.post(use: create)
        services.post("templates", use: addTemplates)
        services.get(":service", use: edit)
        services.post(":service", use: update)
        services.post(":service", "active", use: toggle)
    }

    struct Form: Content {
        var name: String?
        var duration: String?
        var price: String?
        var buffer_before: String?
        var buffer_after: String?
        var skill: String?
    }

    struct Row: Encodable {
        let id: String
        let name: String
        let duration: Int
        let price: String
        let buffers: String
        let skill: String
        let active: Bool
    }

    struct TemplateView: Encodable { let key: String; let text: String; let present: Bool }

    struct Page: Encodable {
        let rows: [Row]
        let templates: [TemplateView]
        let form: Form
        let editing: String?
        let errors: [String: String]
        let skills: [String]
        let notice: String?
    }

    static func base(_ req: Request) throws -> String { "/t/\(try req.tenantContext.tenant.slug)/salon/services" }

    static func render(_ req: Request, form: Form = Form(), editing: UUID? = nil, errors: [String: String] = [:]) async throws -> View {
        let services = try await req.tenantScope.query(SalonService.self).sort(\.$name).all()
        let names = Set(services.map { $0.name.lowercased() })
        let page = Page(
            rows: services.map { service in
                Row(id: service.id!.uuidString.lowercased(), name: service.name, duration: service.duration, price: service.price.formatted,
                    buffers: "\(service.bufferBefore) / \(service.bufferAfter) min", skill: service.skill, active: service.active)
            },
            templates: ServiceTemplate.all.map { .init(key: $0.key, text: "\($0.name) · \($0.minutes) min · \(Money(cents: $0.cents).formatted)",
                                             present: names.contains($0.name.lowercased())) },
            form: form, editing: editing?.uuidString.lowercased(), errors: errors,
            skills: Array(Set(services.map(\.skill) + ServiceTemplate.all.map(\.skill))).sorted(),
            notice: ["saved", "added"].first { req.query[String.self, at: $0] != nil }.map { req.t("salon.services.\($0)") })
        return try await req.renderPage("salon/services", page, title: req.t("salon.services.title"), forms: true)
    }

    @Sendable static func list(req: Request) async throws -> View {
        try req.require(SalonModule.manage)
        return try await render(req)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        let form = try req.content.decode(Form.self)
        do {
            let service = SalonService()
            (service.tenantID, service.active, service.createdAt) = (try req.tenantContext.tenantID, true, req.application.clock.now())
            apply(try CatalogInput.service(form, req), to: service)
            try await req.tenantScope.create(service)
        } catch let errors as FieldErrors {
            return try await render(req, form: form, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "\(try base(req))?saved=1")
    }

    /// Adds the chosen templates that the salon does not offer yet (by name).
    @Sendable static func addTemplates(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        let chosen = Set(try req.content.decode([String: String].self).keys)
        let scope = try req.tenantScope
        let names = Set(try await scope.query(SalonService.self).all().map { $0.name.lowercased() })
        for template in ServiceTemplate.all where chosen.contains("template_\(template.key)") && !names.contains(template.name.lowercased()) {
            try await scope.create(template.service(tenantID: scope.tenantID, now: req.application.clock.now()))
        }
        return req.redirect(to: "\(try base(req))?added=1")
    }

    @Sendable static func edit(req: Request) async throws -> View {
        try req.require(SalonModule.manage)
        let service = try await req.tenantScope.require(SalonService.self, req.parameters.get("service", as: UUID.self))
        let form = Form(name: service.name, duration: "\(service.duration)", price: service.price.decimalText,
                        buffer_before: "\(service.bufferBefore)", buffer_after: "\(service.bufferAfter)", skill: service.skill)
        return try await render(req, form: form, editing: service.id)
    }

    /// Changes apply to new bookings; booked visits keep the name, price and times they had.
    @Sendable static func update(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        let service = try await req.tenantScope.require(SalonService.self, req.parameters.get("service", as: UUID.self))
        let form = try req.content.decode(Form.self)
        do {
            apply(try CatalogInput.service(form, req), to: service)
            try await service.save(on: req.db)
        } catch let errors as FieldErrors {
            return try await render(req, form: form, editing: service.id, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "\(try base(req))?saved=1")
    }

    @Sendable static func toggle(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        let service = try await req.tenantScope.require(SalonService.self, req.parameters.get("service", as: UUID.self))
        service.active.toggle()
        try await service.save(on: req.db)
        return req.redirect(to: "\(try base(req))?saved=1")
    }

    private static func apply(_ values: CatalogInput.ServiceValues, to service: SalonService) {
        (service.name, service.duration, service.priceCents) = (values.name, values.duration, values.price.cents)
        (service.bufferBefore, service.bufferAfter, service.skill) = (values.bufferBefore, values.bufferAfter, values.skill)
    }
}

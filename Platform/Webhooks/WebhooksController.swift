import Core
import Fluent
import Shared
import Vapor

/// The owner's webhook pages, under `/t/{tenant}/settings/webhooks`.
enum WebhooksController {
    /// Enough for every automation a small business runs; stops a runaway script.
    static let maximumEndpoints = 20

    static func routes(_ app: Application) {
        let pages = app.tenantPages.grouped("settings", "webhooks")
        pages.get(use: index)
        pages.post(use: create)
        pages.get(":endpoint", use: show)
        pages.post(":endpoint", use: update)
        pages.post(":endpoint", "rotate", use: rotate)
        pages.post(":endpoint", "test", use: sendTest)
        pages.post(":endpoint", "delete", use: delete)
        pages.post(":endpoint", "deliveries", ":delivery", "resend", use: resend)
    }

    @Sendable static func index(req: Request) async throws -> View {
        try req.require(CorePermission.webhooks)
        return try await WebhookPages.index(req)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(CorePermission.webhooks)
        let form = try req.content.decode(WebhookForm.self)
        let scope = try req.tenantScope
        do {
            let valid = try form.validate(req, policy: Webhooks.policy(req.application), knownTypes: knownTypes(req))
            guard try await scope.query(WebhookEndpoint.self).count() < maximumEndpoints else {
                throw FieldErrors(["url": req.t("webhooks.too_many")])
            }
            let endpoint = WebhookEndpoint(
                tenantID: scope.tenantID, url: valid.url, label: valid.label, eventTypes: valid.eventTypes,
                secret: WebhookSignature.newSecret(), now: req.application.clock.now())
            endpoint.authHeaderName = valid.authHeader?.name
            endpoint.authHeaderValue = valid.authHeader?.value
            try await scope.create(endpoint)
            return req.redirect(to: try path(req, endpoint) + "?created=true")
        } catch let error as FieldErrors {
            return try await WebhookPages.index(req, form: form, errors: error.fields)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable static func show(req: Request) async throws -> View {
        try req.require(CorePermission.webhooks)
        return try await WebhookPages.show(req, try await endpoint(req))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.require(CorePermission.webhooks)
        let endpoint = try await endpoint(req)
        let form = try req.content.decode(WebhookForm.self)
        do {
            let valid = try form.validate(req, policy: Webhooks.policy(req.application), knownTypes: knownTypes(req))
            endpoint.url = valid.url
            endpoint.label = valid.label
            endpoint.eventTypes = valid.eventTypes.joined(separator: " ")
            endpoint.authHeaderName = valid.authHeader?.name
            endpoint.authHeaderValue = valid.authHeader?.value
            let enable = form.enabled == "on" || form.enabled == "true"
            if enable && !endpoint.enabled {
                // Switching back on is a fresh start: the five-day count restarts.
                endpoint.failingSince = nil
                endpoint.disabledReason = nil
            } else if !enable && endpoint.enabled {
                endpoint.disabledReason = nil
            }
            endpoint.enabled = enable
            try await endpoint.save(on: req.db)
            return req.redirect(to: try path(req, endpoint) + "?saved=true")
        } catch let error as FieldErrors {
            return try await WebhookPages.show(req, endpoint, form: form, errors: error.fields)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// A new secret; the old one keeps signing for a day so receivers can switch without a gap.
    @Sendable static func rotate(req: Request) async throws -> Response {
        try req.require(CorePermission.webhooks)
        let endpoint = try await endpoint(req)
        endpoint.previousSecret = endpoint.secret
        endpoint.previousSecretExpiresAt = req.application.clock.now().addingTimeInterval(WebhookEndpoint.rotationOverlap)
        endpoint.secret = WebhookSignature.newSecret()
        try await endpoint.save(on: req.db)
        return req.redirect(to: try path(req, endpoint) + "?rotated=true")
    }

    @Sendable static func sendTest(req: Request) async throws -> Response {
        try req.require(CorePermission.webhooks)
        let endpoint = try await endpoint(req)
        let now = req.application.clock.now()
        let context = try req.tenantContext
        struct TestData: Encodable { let message: String; let endpoint: String }
        let data = String(decoding: try JSONEncoder.jobs.encode(
            TestData(message: "Evento de prueba de Multinicho", endpoint: try endpoint.requireID().uuidString)), as: UTF8.self)
        let body = WebhookDeliveries.body(type: "webhook.test", occurredAt: now, tenantSlug: context.tenant.slug,
                                          version: 1, data: data)
        _ = try await req.db.transaction { tx in
            try await WebhookDeliveries.enqueue(
                endpoint: endpoint, type: "webhook.test", body: body, messageID: WebhookSignature.messageID(),
                now: now, on: tx)
        }
        return req.redirect(to: try path(req, endpoint) + "?tested=true#deliveries")
    }

    @Sendable static func delete(req: Request) async throws -> Response {
        try req.require(CorePermission.webhooks)
        let endpoint = try await endpoint(req)
        try await endpoint.delete(on: req.db)
        return req.redirect(to: "/t/\(try req.tenantContext.tenant.slug)/settings/webhooks?deleted=true")
    }

    @Sendable static func resend(req: Request) async throws -> Response {
        try req.require(CorePermission.webhooks)
        let endpoint = try await endpoint(req)
        let delivery = try await req.tenantScope.query(WebhookDelivery.self)
            .filter(\.$endpointID == endpoint.requireID())
            .filter(\.$id == (req.parameters.get("delivery", as: UUID.self) ?? UUID())).first()
        guard let delivery else { throw Abort(.notFound) }
        try await WebhookDeliveries.resend(delivery, now: req.application.clock.now(), on: req.db)
        return req.redirect(to: try path(req, endpoint) + "?resent=true#deliveries")
    }

    static func endpoint(_ req: Request) async throws -> WebhookEndpoint {
        try await req.tenantScope.require(WebhookEndpoint.self, req.parameters.get("endpoint", as: UUID.self))
    }

    static func knownTypes(_ req: Request) -> Set<String> {
        Set(req.application.eventTypes.map(\.name))
    }

    static func path(_ req: Request, _ endpoint: WebhookEndpoint) throws -> String {
        "/t/\(try req.tenantContext.tenant.slug)/settings/webhooks/\(try endpoint.requireID())"
    }
}

import Core
import Fluent
import Shared
import Vapor

/// What the webhook pages show.
enum WebhookPages {
    struct EndpointRow: Encodable {
        let id: String
        let url: String
        let label: String
        let enabled: Bool
        let disabledReason: String?
        let events: String
    }

    struct TypeOption: Encodable { let name: String; let description: String; let checked: Bool }

    struct Values: Encodable {
        let url: String
        let description: String
        let auth_header_name: String
        let auth_header_value: String
    }

    struct AttemptRow: Encodable {
        let at: String
        let status: String
        let duration: Int
        let excerpt: String
        let error: String
    }

    struct DeliveryRow: Encodable {
        let id: String
        let messageID: String
        let type: String
        let state: String
        let stateLabel: String
        let created: String
        let attempts: [AttemptRow]
    }

    struct IndexContent: Encodable {
        let endpoints: [EndpointRow]
        let types: [TypeOption]
        let values: Values
        let errors: [String: String]
        let deleted: Bool
        let hasEndpoints: Bool
    }

    struct ShowContent: Encodable {
        let endpoint: EndpointRow
        let secret: String
        let previousSecretUntil: String?
        let types: [TypeOption]
        let values: Values
        let errors: [String: String]
        let notice: String?
        let deliveries: [DeliveryRow]
        let hasDeliveries: Bool
    }

    static func index(_ req: Request, form: WebhookForm? = nil, errors: [String: String] = [:]) async throws -> View {
        let endpoints = try await req.tenantScope.query(WebhookEndpoint.self).sort(\.$createdAt).all()
        let content = IndexContent(
            endpoints: endpoints.map { row($0, req) },
            types: types(req, checked: Set(form?.event_types ?? [])),
            values: values(form: form, endpoint: nil),
            errors: errors,
            deleted: (try? req.query.get(Bool.self, at: "deleted")) ?? false,
            hasEndpoints: !endpoints.isEmpty)
        return try await req.renderPage("webhooks/index", content, title: req.t("webhooks.title"), forms: true)
    }

    static func show(_ req: Request, _ endpoint: WebhookEndpoint, form: WebhookForm? = nil, errors: [String: String] = [:]) async throws -> View {
        let now = req.application.clock.now()
        let rotating = endpoint.signingSecrets(at: now).count > 1
        let rows = try await deliveries(of: endpoint, req)
        let content = ShowContent(
            endpoint: row(endpoint, req),
            secret: endpoint.secret,
            previousSecretUntil: rotating ? endpoint.previousSecretExpiresAt.map(LimaCalendar.formatDateTime) : nil,
            types: types(req, checked: Set(form?.event_types ?? endpoint.eventTypeList)),
            values: values(form: form, endpoint: endpoint),
            errors: errors,
            notice: notice(req),
            deliveries: rows,
            hasDeliveries: !rows.isEmpty)
        return try await req.renderPage("webhooks/show", content, title: req.t("webhooks.title"), forms: true)
    }

    private static func notice(_ req: Request) -> String? {
        for key in ["created", "saved", "rotated", "tested", "resent"] where req.query[String.self, at: key] == "true" {
            return req.t("webhooks.notice.\(key)")
        }
        return nil
    }

    /// The latest deliveries, failed ones first, each with its attempts.
    private static func deliveries(of endpoint: WebhookEndpoint, _ req: Request) async throws -> [DeliveryRow] {
        let rows = try await req.tenantScope.query(WebhookDelivery.self)
            .filter(\.$endpointID == endpoint.requireID())
            .sort(\.$createdAt, .descending).limit(50).all()
        let troubled: (WebhookDelivery) -> Bool = { $0.state == .failed || $0.state == .retrying }
        let ordered = rows.filter(troubled) + rows.filter { !troubled($0) }
        let ids = try ordered.map { try $0.requireID() }
        let attempts = try await req.tenantScope.query(WebhookAttempt.self)
            .filter(\.$deliveryID ~~ ids).sort(\.$attemptedAt, .descending).all()
        let byDelivery = Dictionary(grouping: attempts, by: \.deliveryID)
        return try ordered.map { delivery in
            DeliveryRow(
                id: try delivery.requireID().uuidString, messageID: delivery.messageID, type: delivery.eventType,
                state: delivery.state.rawValue, stateLabel: req.t("webhooks.state.\(delivery.state.rawValue)"),
                created: LimaCalendar.formatDateTime(delivery.createdAt),
                attempts: (byDelivery[try delivery.requireID()] ?? []).map { attempt in
                    AttemptRow(at: LimaCalendar.formatDateTime(attempt.attemptedAt),
                               status: attempt.status.map(String.init) ?? "—", duration: attempt.durationMs,
                               excerpt: attempt.responseExcerpt ?? "", error: attempt.error ?? "")
                })
        }
    }

    private static func row(_ endpoint: WebhookEndpoint, _ req: Request) -> EndpointRow {
        EndpointRow(
            id: endpoint.id?.uuidString ?? "", url: endpoint.url, label: endpoint.label, enabled: endpoint.enabled,
            disabledReason: endpoint.disabledReason,
            events: endpoint.eventTypes.isEmpty ? req.t("webhooks.all_events") : endpoint.eventTypeList.joined(separator: ", "))
    }

    private static func types(_ req: Request, checked: Set<String>) -> [TypeOption] {
        req.application.eventTypes.map {
            TypeOption(name: $0.name, description: $0.description.text(for: req.language), checked: checked.contains($0.name))
        }
    }

    private static func values(form: WebhookForm?, endpoint: WebhookEndpoint?) -> Values {
        Values(
            url: form?.url ?? endpoint?.url ?? "",
            description: form?.description ?? endpoint?.label ?? "",
            auth_header_name: form?.auth_header_name ?? endpoint?.authHeaderName ?? "",
            auth_header_value: form?.auth_header_value ?? endpoint?.authHeaderValue ?? "")
    }
}

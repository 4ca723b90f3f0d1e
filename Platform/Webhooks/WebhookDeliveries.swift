import Core
import Fluent
import Vapor

/// Creating deliveries and running their attempts.
public enum WebhookDeliveries {
    struct DeliverPayload: Codable, Sendable { let deliveryID: UUID }
    static let deliver = JobKind<DeliverPayload>("webhooks.deliver")
    /// How often a delivery held for a blocked business looks again.
    static let pauseRecheck: TimeInterval = 3600

    /// After a failure, wait 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (Standard Webhooks'
    /// schedule, as Svix runs it): eight attempts over about 27 hours.
    public static let retryPolicy = RetryPolicy.schedule([5, 300, 1800, 7200, 18000, 36000, 36000], jitter: 0.1)
    /// An endpoint that has failed without a single success for this long is disabled.
    public static let disableAfter: TimeInterval = 5 * 24 * 3600

    /// The body every receiver gets: Standard Webhooks' `{type, timestamp, data}` plus the
    /// tenant's slug and the payload's schema version. `data` is the stored JSON, verbatim.
    static func body(type: String, occurredAt: Date, tenantSlug: String, version: Int, data: String) -> String {
        let encode = { (s: String) in String(decoding: try! JSONEncoder.jobs.encode(s), as: UTF8.self) }
        let timestamp = ISO8601DateFormatter().string(from: occurredAt)
        return #"{"type":\#(encode(type)),"timestamp":\#(encode(timestamp)),"tenant":\#(encode(tenantSlug)),"version":\#(version),"data":\#(data)}"#
    }

    /// Creates the delivery row and the job that sends it, in `db`'s transaction.
    @discardableResult
    static func enqueue(
        endpoint: WebhookEndpoint, type: String, body: String, messageID: String, now: Date, on db: any Database
    ) async throws -> WebhookDelivery {
        let delivery = WebhookDelivery(
            tenantID: endpoint.tenantID, endpointID: try endpoint.requireID(), messageID: messageID,
            eventType: type, body: body, now: now)
        try await delivery.create(on: db)
        try await JobQueue.enqueue(deliver, DeliverPayload(deliveryID: try delivery.requireID()),
                                   tenantID: endpoint.tenantID, runAt: now, on: db)
        return delivery
    }

    /// Sends a delivery again with its original id and body (the resend button).
    static func resend(_ delivery: WebhookDelivery, now: Date, on db: any Database) async throws {
        try await db.transaction { tx in
            delivery.state = .pending
            try await delivery.save(on: tx)
            try await JobQueue.enqueue(deliver, DeliverPayload(deliveryID: try delivery.requireID()),
                                       tenantID: delivery.tenantID, runAt: now, on: tx)
        }
    }

    /// The subscriber that fans every tenant event out to the tenant's enabled endpoints that
    /// want its type.
    static var subscriber: EventSubscriber {
        EventSubscriber("webhooks") { event, db, app in
            guard let tenantID = event.tenantID,
                  let tenant = try await Tenant.find(tenantID, on: db) else { return }
            let endpoints = try await WebhookEndpoint.query(on: db)
                .filter(\.$tenantID == tenantID).filter(\.$enabled == true).all()
                .filter { $0.wants(event.type) }
            guard !endpoints.isEmpty else { return }
            let body = body(type: event.type, occurredAt: event.occurredAt, tenantSlug: tenant.slug,
                            version: event.version, data: event.payload)
            let messageID = WebhookSignature.messageID(for: try event.requireID())
            for endpoint in endpoints {
                try await enqueue(endpoint: endpoint, type: event.type, body: body, messageID: messageID,
                                  now: app.clock.now(), on: db)
            }
        }
    }
}

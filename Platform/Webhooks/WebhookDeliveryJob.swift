import Core
import Fluent
import SQLKit
import Vapor

/// One attempt of one delivery: the handler of `webhooks.deliver`.
struct WebhookDeliveryJob: Sendable {
    let sender: WebhookSender

    var handler: JobHandler {
        // The call's own timeout plus time for the bookkeeping around it.
        JobHandler(WebhookDeliveries.deliver, retry: WebhookDeliveries.retryPolicy, timeout: sender.timeout + 20) { payload, context in
            try await run(payload.deliveryID, context)
        }
    }

    struct AttemptFailed: Error, CustomStringConvertible { let description: String }

    func run(_ deliveryID: UUID, _ context: JobContext) async throws {
        let db = context.db
        guard let delivery = try await WebhookDelivery.find(deliveryID, on: db) else {
            throw PermanentJobError("delivery \(deliveryID) no longer exists")
        }
        guard let endpoint = try await WebhookEndpoint.find(delivery.endpointID, on: db), endpoint.enabled else {
            delivery.state = .failed
            try await delivery.save(on: db)
            return // nothing to retry: the owner disabled or deleted the endpoint
        }
        let now = context.now
        if try await paused(delivery, context) { return }
        let outcome = await sender.send(
            to: endpoint, messageID: delivery.messageID, body: delivery.body,
            timestamp: Int(now.timeIntervalSince1970), secrets: endpoint.signingSecrets(at: now))
        try await record(outcome, of: delivery, at: now, on: db)
        let endpoints = EndpointHealth(endpointID: try endpoint.requireID(), db: db)

        if outcome.isSuccess {
            delivery.state = .succeeded
            try await endpoints.succeeded()
        } else if outcome.status == 410 {
            delivery.state = .failed
            try await disable(endpoint, reason: "410 Gone", context: context)
        } else if try await endpoints.failed(at: now) >= WebhookDeliveries.disableAfter {
            delivery.state = .failed
            try await disable(endpoint, reason: "failing for 5 days", context: context)
        } else {
            delivery.state = context.isLastAttempt ? .failed : .retrying
        }
        try await delivery.save(on: db)
        if delivery.state != .succeeded && outcome.status != 410 && endpoint.enabled {
            // The queue schedules the next attempt, or buries the job after the last one.
            throw AttemptFailed(description: outcome.error ?? "HTTP \(outcome.status ?? 0)")
        }
    }

    /// A business blocked for not paying gets no webhooks meanwhile: the delivery waits (a new
    /// job an hour later, its attempts untouched) and goes out once the business pays.
    private func paused(_ delivery: WebhookDelivery, _ context: JobContext) async throws -> Bool {
        guard let gate = context.application.tenantGate, let tenant = try await Tenant.find(delivery.tenantID, on: context.db),
              try await gate.access(for: tenant, on: context.db, app: context.application).level == .blocked else { return false }
        let deliveryID = try delivery.requireID()
        let later = context.now.addingTimeInterval(WebhookDeliveries.pauseRecheck)
        try await context.commit { tx in
            _ = try await JobQueue.enqueue(WebhookDeliveries.deliver, WebhookDeliveries.DeliverPayload(deliveryID: deliveryID),
                                           tenantID: delivery.tenantID, runAt: later, on: tx)
        }
        return true
    }

    private func record(_ outcome: WebhookSender.Outcome, of delivery: WebhookDelivery, at now: Date, on db: any Database) async throws {
        let attempt = WebhookAttempt()
        attempt.tenantID = delivery.tenantID
        attempt.deliveryID = try delivery.requireID()
        attempt.attemptedAt = now
        attempt.status = outcome.status
        attempt.durationMs = outcome.durationMs
        attempt.responseExcerpt = outcome.excerpt
        attempt.error = outcome.error
        try await attempt.create(on: db)
        delivery.attempts += 1
        delivery.lastStatus = outcome.status
        delivery.lastAttemptAt = now
    }

    /// Turns the endpoint off and tells the business's owners by mail. Several deliveries to
    /// one endpoint can fail at once; only the one that flips the switch sends the mail.
    private func disable(_ endpoint: WebhookEndpoint, reason: String, context: JobContext) async throws {
        let db = context.db
        endpoint.enabled = false
        guard try await EndpointHealth(endpointID: endpoint.requireID(), db: db).disable(reason: reason) else { return }
        let owners = try await TenantMember.query(on: db)
            .filter(\.$tenant.$id == endpoint.tenantID).filter(\.$role == .owner).with(\.$user).all()
        let link = "\(context.application.config.baseURL)/t/\(try await slug(of: endpoint, on: db))/settings/webhooks/\(try endpoint.requireID())"
        for owner in owners {
            try await context.application.notifier.send(NotificationRequest(
                template: WebhookTemplates.endpointDisabled.id,
                to: NotificationRecipient(name: owner.user.name, email: owner.user.email), channel: .email,
                parameters: ["name": owner.user.name, "url": endpoint.url, "reason": reason, "link": link],
                tenantID: endpoint.tenantID), on: db)
        }
        context.logger.warning("webhook endpoint disabled", metadata: ["endpoint": "\(endpoint.id?.uuidString ?? "")", "reason": "\(reason)"])
    }

    private func slug(of endpoint: WebhookEndpoint, on db: any Database) async throws -> String {
        try await Tenant.find(endpoint.tenantID, on: db)?.slug ?? ""
    }
}

/// Updates of an endpoint's health that concurrent deliveries to it can make safely: each is one
/// conditional statement rather than a read-modify-write of the whole row.
struct EndpointHealth {
    let endpointID: UUID
    let db: any Database

    func succeeded() async throws {
        try await run("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = \(bind: endpointID)")
    }

    /// Starts the failing streak if none is running; returns how long it has run.
    func failed(at now: Date) async throws -> TimeInterval {
        try await run("""
            UPDATE webhook_endpoints SET failing_since = \(bind: now)
            WHERE id = \(bind: endpointID) AND failing_since IS NULL
            """)
        let since = try await WebhookEndpoint.find(endpointID, on: db)?.failingSince ?? now
        return now.timeIntervalSince(since)
    }

    /// False if the endpoint was already disabled.
    func disable(reason: String) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let rows = try await sql.raw("""
            UPDATE webhook_endpoints SET enabled = \(bind: false), disabled_reason = \(bind: reason)
            WHERE id = \(bind: endpointID) AND enabled = \(bind: true)
            RETURNING id
            """).all()
        return !rows.isEmpty
    }

    private func run(_ query: SQLQueryString) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(query).run()
    }
}

import Core
import Fluent
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
        let outcome = await sender.send(
            to: endpoint, messageID: delivery.messageID, body: delivery.body,
            timestamp: Int(now.timeIntervalSince1970), secrets: endpoint.signingSecrets(at: now))
        try await record(outcome, of: delivery, at: now, on: db)

        if outcome.isSuccess {
            delivery.state = .succeeded
            endpoint.failingSince = nil
        } else if outcome.status == 410 {
            delivery.state = .failed
            try await disable(endpoint, reason: "410 Gone", context: context)
        } else {
            endpoint.failingSince = endpoint.failingSince ?? now
            let failingFor = now.timeIntervalSince(endpoint.failingSince ?? now)
            if failingFor >= WebhookDeliveries.disableAfter {
                try await disable(endpoint, reason: "failing for 5 days", context: context)
            }
            delivery.state = context.isLastAttempt || !endpoint.enabled ? .failed : .retrying
        }
        try await db.transaction { tx in
            try await delivery.save(on: tx)
            try await endpoint.save(on: tx)
        }
        if delivery.state == .retrying {
            throw AttemptFailed(description: outcome.error ?? "HTTP \(outcome.status ?? 0)")
        }
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

    /// Turns the endpoint off and tells the business's owners by mail.
    private func disable(_ endpoint: WebhookEndpoint, reason: String, context: JobContext) async throws {
        endpoint.enabled = false
        endpoint.disabledReason = reason
        let db = context.db
        let owners = try await TenantMember.query(on: db)
            .filter(\.$tenant.$id == endpoint.tenantID).filter(\.$role == .owner).with(\.$user).all()
        let link = "\(context.application.config.baseURL)/t/\(try await slug(of: endpoint, on: db))/settings/webhooks/\(try endpoint.requireID())"
        for owner in owners {
            let text = """
                Hola \(owner.user.name):

                Desactivamos tu webhook \(endpoint.url) (\(reason)). Ya no le enviamos eventos.
                Revisa el receptor y vuelve a activarlo aquí: \(link)

                — Multinicho
                """
            try await MailOutbox.enqueue(.init(
                to: owner.user.email, subject: "Desactivamos un webhook de tu negocio", text: text,
                html: "<p>\(MailOutbox.htmlEscaped(text).replacingOccurrences(of: "\n", with: "<br>"))</p>", tenantID: endpoint.tenantID), on: db)
        }
        context.logger.warning("webhook endpoint disabled", metadata: ["endpoint": "\(endpoint.id?.uuidString ?? "")", "reason": "\(reason)"])
    }

    private func slug(of endpoint: WebhookEndpoint, on db: any Database) async throws -> String {
        try await Tenant.find(endpoint.tenantID, on: db)?.slug ?? ""
    }
}

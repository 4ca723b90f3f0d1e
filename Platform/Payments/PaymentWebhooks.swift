import Core
import PaymentProviders
import Vapor

/// `POST /hooks/payments/{provider}`: a provider tells us about a payment. A signature that
/// does not verify is 401 and changes nothing; a replayed event is 200 and changes nothing
/// twice; a notification about something that is not one of our payments is 200 (providers
/// retry anything else for days).
struct PaymentWebhooks: Sendable {
    func routes(_ app: Application) {
        let hooks = app.grouped("hooks", "payments")
        hooks.on(.POST, ":provider", body: .collect(maxSize: "1mb"), use: receive)
        // A business with its own Stripe or Culqi account points that account's webhooks here.
        hooks.on(.POST, ":provider", ":tenant", body: .collect(maxSize: "1mb"), use: receiveForTenant)
    }

    struct Answer: Content {
        let outcome: String
    }

    @Sendable func receive(req: Request) async throws -> Answer {
        guard let name = req.parameters.get("provider"), let provider = PaymentProviderID(rawValue: name),
              let gateway = req.application.paymentGateways[provider] else {
            throw Abort(.notFound, reason: "no such payment provider")
        }
        return try await handle(req, provider: provider, gateway: gateway, tenantID: nil)
    }

    @Sendable func receiveForTenant(req: Request) async throws -> Answer {
        guard let name = req.parameters.get("provider"), let provider = PaymentProviderID(rawValue: name),
              let tenantID = req.parameters.get("tenant", as: UUID.self),
              let gateway = try await PaymentMethods.gateway(provider, for: tenantID, app: req.application, on: req.db) else {
            throw Abort(.notFound, reason: "no such payment provider for this business")
        }
        return try await handle(req, provider: provider, gateway: gateway, tenantID: tenantID)
    }

    private func handle(_ req: Request, provider: PaymentProviderID, gateway: any PaymentGateway, tenantID: UUID?) async throws -> Answer {
        let update: PaymentUpdate?
        do {
            update = try await gateway.update(fromWebhook: req.body.data ?? ByteBuffer(), headers: req.headers)
        } catch let rejected as WebhookRejected {
            throw Abort(.unauthorized, reason: rejected.description)
        } catch is DecodingError {
            throw Abort(.badRequest, reason: "body is not a \(provider.rawValue) notification")
        } catch let error as PaymentProviderError where error.status == 404 {
            // A re-fetch found no such object at the provider: nothing of ours to change.
            return Answer(outcome: "unknown_payment")
        } catch let error as PaymentProviderError {
            // The provider could not be asked; it retries its webhook later.
            throw Abort(.serviceUnavailable, reason: "\(provider.rawValue) did not answer the re-fetch: \(error.message)")
        }
        guard let update else { return Answer(outcome: "ignored") }
        let outcome = try await PaymentLedger.apply(update, provider: provider, tenantID: tenantID,
                                                    now: req.application.clock.now(), on: req.db)
        return Answer(outcome: Self.name(outcome))
    }

    private static func name(_ outcome: PaymentLedger.Outcome) -> String {
        switch outcome {
        case .changed(_, let state): "changed:\(state.rawValue)"
        case .unchanged: "unchanged"
        case .replayed: "replayed"
        case .unknownPayment: "unknown_payment"
        }
    }
}

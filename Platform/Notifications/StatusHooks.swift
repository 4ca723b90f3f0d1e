import Core
import Fluent
import Messaging
import SQLKit
import Vapor

/// Delivery reports from the providers: Meta's WhatsApp webhook and Twilio's status callback.
/// Both are signed with a secret only we and the provider know; anything else gets 401.
struct StatusHooks: Sendable {
    let settings: NotificationSettings
    let baseURL: String

    func routes(_ app: Application) {
        let hooks = app.grouped("hooks")
        hooks.get("whatsapp", use: verifyWhatsApp)
        hooks.on(.POST, "whatsapp", body: .collect(maxSize: "1mb"), use: whatsApp)
        hooks.on(.POST, "twilio", "status", body: .collect(maxSize: "64kb"), use: twilio)
    }

    /// Meta's subscription check: echo the challenge when the verify token matches.
    @Sendable func verifyWhatsApp(req: Request) async throws -> String {
        guard let expected = settings.whatsAppVerifyToken,
              req.query[String.self, at: "hub.mode"] == "subscribe",
              let token = req.query[String.self, at: "hub.verify_token"],
              RandomToken.constantTimeEquals(token, expected),
              let challenge = req.query[String.self, at: "hub.challenge"] else {
            throw Abort(.forbidden, reason: "verify token does not match")
        }
        return challenge
    }

    @Sendable func whatsApp(req: Request) async throws -> HTTPStatus {
        guard let secret = settings.whatsAppAppSecret else { throw Abort(.notFound) }
        let body = req.body.data.map { Array($0.readableBytesView) } ?? []
        guard WhatsAppWebhook.isValidSignature(req.headers.first(name: "X-Hub-Signature-256"), body: body, appSecret: secret) else {
            throw Abort(.unauthorized, reason: "X-Hub-Signature-256 does not match the body")
        }
        let parsed: (statuses: [WhatsAppWebhook.StatusUpdate], messages: [WhatsAppWebhook.InboundMessage])
        do {
            parsed = try WhatsAppWebhook.parse(body)
        } catch {
            throw Abort(.badRequest, reason: "body is not a WhatsApp webhook payload: \(error)")
        }
        let now = req.application.clock.now()
        for status in parsed.statuses {
            guard let state = Self.state(ofWhatsApp: status.status) else { continue }
            let error = status.errorCode.map { "WhatsApp \($0): \(status.errorMessage ?? "")" }
            try await StatusUpdates.apply(providerID: status.messageID, state: state, error: error, at: status.timestamp ?? now, on: req.db)
        }
        for inbound in parsed.messages {
            try await StatusUpdates.openWindow(phone: "+\(inbound.from)", at: inbound.timestamp ?? now, on: req.db)
        }
        return .ok
    }

    static func state(ofWhatsApp status: String) -> NotificationMessage.State? {
        switch status {
        case "sent": .sent
        case "delivered": .delivered
        case "read": .read
        case "failed": .failed
        default: nil
        }
    }

    @Sendable func twilio(req: Request) async throws -> HTTPStatus {
        guard let token = settings.twilio?.authToken else { throw Abort(.notFound) }
        let body = req.body.data.map { String(decoding: $0.readableBytesView, as: UTF8.self) } ?? ""
        let parameters = FormEncoding.pairs(body)
        // Twilio signs the URL it was given, which is ours as the public sees it.
        let url = baseURL + req.url.string
        guard TwilioSignature.isValid(req.headers.first(name: "X-Twilio-Signature"), url: url,
                                      parameters: parameters, authToken: token) else {
            throw Abort(.unauthorized, reason: "X-Twilio-Signature does not match")
        }
        let values = Dictionary(parameters, uniquingKeysWith: { first, _ in first })
        guard let sid = values["MessageSid"] ?? values["SmsSid"], let status = values["MessageStatus"] ?? values["SmsStatus"] else {
            throw Abort(.badRequest, reason: "MessageSid and MessageStatus are required")
        }
        guard let state = Self.state(ofTwilio: status) else { return .ok }
        let error = values["ErrorCode"].flatMap { $0.isEmpty ? nil : "Twilio error \($0)" }
        try await StatusUpdates.apply(providerID: sid, state: state, error: error, at: req.application.clock.now(), on: req.db)
        return .ok
    }

    static func state(ofTwilio status: String) -> NotificationMessage.State? {
        switch status {
        case "sent": .sent
        case "delivered": .delivered
        case "read": .read
        case "failed", "undelivered": .failed
        default: nil // queued, sending, accepted: still on Twilio's side
        }
    }
}

/// Applies provider reports to the delivery log.
enum StatusUpdates {
    /// Moves the message with `providerID` up to `state`; a report older than the message's
    /// state (delivered after read) changes nothing.
    static func apply(providerID: String, state: NotificationMessage.State, error: String?, at date: Date,
                      on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let lower = NotificationMessage.State.allCases.filter { $0.rank < state.rank }.map(\.rawValue)
        let column: SQLQueryString = switch state {
        case .delivered: "delivered_at = \(bind: date),"
        case .read: "read_at = \(bind: date),"
        case .sent: "sent_at = COALESCE(sent_at, \(bind: date)),"
        case .queued, .failed: ""
        }
        try await sql.raw("""
            UPDATE notification_messages SET state = \(bind: state.rawValue), \(column)
                error = COALESCE(\(bind: error), error), updated_at = \(bind: date)
            WHERE provider_id = \(bind: providerID) AND state IN (\(binds: lower))
            """).run()
    }

    /// The customer wrote to us on WhatsApp: free-form replies are allowed for 24 hours.
    static func openWindow(phone: String, at date: Date, on db: any Database) async throws {
        if let contact = try await WhatsAppContact.query(on: db).filter(\.$phone == phone).first() {
            guard contact.lastInboundAt < date else { return }
            contact.lastInboundAt = date
            try await contact.save(on: db)
        } else {
            try await WhatsAppContact(phone: phone, lastInboundAt: date).create(on: db)
        }
    }
}

/// `application/x-www-form-urlencoded` as ordered pairs, exactly as sent (signatures need them all).
enum FormEncoding {
    static func pairs(_ body: String) -> [(String, String)] {
        body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}

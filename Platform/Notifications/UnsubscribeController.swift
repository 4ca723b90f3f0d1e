import Core
import Fluent
import Vapor

/// `/n/unsubscribe/{token}`: the link in every email. GET asks for confirmation (mail scanners
/// follow links; they must not unsubscribe anyone); POST does it, from our page or from the
/// mail client's one-click button (RFC 8058). It can be undone from the same page.
enum UnsubscribeController {
    struct Content: Encodable {
        let token: String
        /// The question, or what was just done, with the sender and address filled in.
        let text: String
        let done: Bool
        let undone: Bool
    }

    static func routes(_ app: Application) {
        let unsubscribe = app.grouped("n", "unsubscribe", ":token")
        unsubscribe.get(use: show)
        unsubscribe.post(use: unsubscribeNow)
        unsubscribe.post("undo", use: undo)
    }

    @Sendable static func show(req: Request) async throws -> View {
        try await page(req, done: false, undone: false)
    }

    @Sendable static func unsubscribeNow(req: Request) async throws -> View {
        let target = try target(req)
        let existing = try await NotificationOptOut.query(on: req.db).filter(\.$scope == target.scope)
            .filter(\.$channel == target.channel).filter(\.$address == target.address).first()
        if existing == nil {
            do {
                try await NotificationOptOut(scope: target.scope, channel: target.channel, address: target.address).create(on: req.db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // A double click raced us to it: the recipient is unsubscribed either way.
            }
        }
        return try await page(req, done: true, undone: false)
    }

    @Sendable static func undo(req: Request) async throws -> View {
        let target = try target(req)
        try await NotificationOptOut.query(on: req.db).filter(\.$scope == target.scope)
            .filter(\.$channel == target.channel).filter(\.$address == target.address).delete()
        return try await page(req, done: false, undone: true)
    }

    private static func target(_ req: Request) throws -> UnsubscribeLink.Target {
        guard let token = req.parameters.get("token"),
              let target = Notifications.links(req.application).target(of: token) else {
            throw Abort(.notFound, reason: req.t("unsubscribe.invalid"))
        }
        return target
    }

    private static func page(_ req: Request, done: Bool, undone: Bool) async throws -> View {
        let target = try target(req)
        var sender = "Multinicho"
        if let tenantID = UUID(uuidString: target.scope), let tenant = try await Tenant.find(tenantID, on: req.db) {
            sender = tenant.displayName
        }
        let key = done ? "unsubscribe.done" : undone ? "unsubscribe.undone" : "unsubscribe.question"
        let text = req.t(key).replacingOccurrences(of: "%sender", with: sender)
            .replacingOccurrences(of: "%address", with: target.address)
        let content = Content(token: req.parameters.get("token") ?? "", text: text, done: done, undone: undone)
        return try await req.renderPage("notifications/unsubscribe", content, title: req.t("unsubscribe.title"), forms: true)
    }
}

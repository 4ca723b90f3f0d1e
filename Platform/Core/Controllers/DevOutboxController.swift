import Fluent
import Shared
import Vapor

/// `/dev/outbox`: the mails the platform would have sent, for development only.
enum DevOutboxController {
    struct MailView: Encodable {
        let to: String
        let subject: String
        let date: String
        let text: String
        let links: [String]
    }

    @Sendable static func index(req: Request) async throws -> View {
        guard req.application.config.isDevelopment else { throw Abort(.notFound) }
        let mails = try await OutboxMail.query(on: req.db).sort(\.$createdAt, .descending).limit(50).all()
        let views = mails.map {
            MailView(to: $0.recipient, subject: $0.subject, date: $0.createdAt.map(LimaCalendar.formatDateTime) ?? "",
                     text: $0.textBody, links: links(in: $0.textBody))
        }
        return try await req.renderPage("dev/outbox", ["mails": views], title: "Outbox")
    }

    static func links(in text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace)
            .filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
            .map(String.init)
    }
}

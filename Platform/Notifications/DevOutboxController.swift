import Core
import Shared
import Vapor

/// `/dev/outbox`: the mails in the development maildir, newest first, so a newcomer sees what
/// the platform sent without a mail server. Only in development.
enum DevOutboxController {
    struct MailView: Encodable {
        let to: String
        let subject: String
        let date: String
        let text: String
        let links: [String]
        let attachments: [String]
    }

    static func routes(_ app: Application) {
        app.get("dev", "outbox", use: index)
    }

    @Sendable static func index(req: Request) async throws -> View {
        guard req.application.config.isDevelopment else { throw Abort(.notFound) }
        let maildir = Maildir(path: Notifications.settings(req.application).mailDirectory)
        let mails = try await req.application.threadPool.runIfActive {
            maildir.newest(50).compactMap { try? ParsedMail.parse($0.data) }
        }
        let views = mails.map { mail in
            MailView(to: mail.to.map(address).joined(separator: ", "), subject: mail.subject, date: limaTime(mail.date),
                     text: mail.textBody ?? "", links: links(in: mail.textBody ?? ""),
                     attachments: mail.attachments.map { "\($0.filename) (\($0.data.count) B)" })
        }
        return try await req.renderPage("dev/outbox", ["mails": views], title: "Outbox")
    }

    /// `Name <a@b.pe>` -> `a@b.pe`.
    static func address(_ header: String) -> String {
        guard let open = header.lastIndex(of: "<"), let close = header.lastIndex(of: ">"), open < close else { return header }
        return String(header[header.index(after: open)..<close])
    }

    /// The Date header as Lima wall-clock time, dd/mm/yyyy HH:mm.
    static func limaTime(_ header: String?) -> String {
        guard let header else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"
        return formatter.date(from: header).map(LimaCalendar.formatDateTime) ?? header
    }

    static func links(in text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace)
            .filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
            .map(String.init)
    }
}

import Core
import Fluent
import Foundation
import SMTPClient
import Shared

/// Email: over SMTP when `SMTP_URL` is set, into a local maildir otherwise.
struct EmailTransport: ChannelTransport {
    enum Sink: Sendable {
        case smtp(SMTPClient)
        case maildir(Maildir)
    }

    let sink: Sink
    let from: MailAddress
    let links: UnsubscribeLink

    func deliver(_ message: NotificationMessage, attachments: [NotificationAttachmentRecord],
                 db: any Database, now: Date) async throws -> String {
        let mail = try compose(message, attachments: attachments, now: now)
        switch sink {
        case .smtp(let client):
            do {
                try await client.send(from: from.address, recipients: [message.recipient], message: mail.encoded())
            } catch {
                throw DeliveryFailure(error.message, isPermanent: error.isPermanent)
            }
        case .maildir(let maildir):
            try maildir.store(mail.encoded())
        }
        return "<\(mail.messageID)>"
    }

    func compose(_ message: NotificationMessage, attachments: [NotificationAttachmentRecord], now: Date) throws -> MailMessage {
        let unsubscribe = links.url(for: .init(
            scope: NotificationOptOut.scope(of: message.tenantID), channel: .email, address: message.recipient))
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "multinicho.pe"
        return MailMessage(
            from: from,
            to: [MailAddress(message.recipient, name: message.recipientName)],
            subject: message.subject ?? "",
            text: message.bodyText,
            html: message.bodyHTML,
            attachments: attachments.sorted { $0.position < $1.position }.map {
                MailAttachment(filename: $0.filename, contentType: $0.contentType, data: $0.data)
            },
            // Stable across retries, so a receiving server can drop a duplicate.
            messageID: "\(try message.requireID().uuidString.lowercased())@\(domain)",
            date: now,
            extraHeaders: [
                (name: "List-Unsubscribe", value: "<\(unsubscribe)>"),
                (name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click"),
            ])
    }
}

/// A maildir (new/, cur/, tmp/): each mail is written to tmp/ and renamed into new/, so a
/// reader never sees half a file.
struct Maildir: Sendable {
    let path: String

    func store(_ data: Data) throws {
        let fm = FileManager.default
        for folder in ["tmp", "new", "cur"] {
            try fm.createDirectory(atPath: "\(path)/\(folder)", withIntermediateDirectories: true)
        }
        let name = "\(Int(Date().timeIntervalSince1970 * 1000)).\(UUID().uuidString.lowercased()).multinicho"
        let temporary = URL(fileURLWithPath: "\(path)/tmp/\(name)")
        try data.write(to: temporary)
        try fm.moveItem(at: temporary, to: URL(fileURLWithPath: "\(path)/new/\(name)"))
    }

    /// The newest `limit` mails, newest first.
    func newest(_ limit: Int) -> [(name: String, data: Data)] {
        let fm = FileManager.default
        var files: [(name: String, url: URL, date: Date)] = []
        for folder in ["new", "cur"] {
            let dir = URL(fileURLWithPath: "\(path)/\(folder)")
            let urls = (try? fm.contentsOfDirectory(at: dir, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
            for url in urls {
                let date = (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
                files.append((url.lastPathComponent, url, date))
            }
        }
        return files.sorted { ($0.date, $0.name) > ($1.date, $1.name) }.prefix(limit).compactMap { file in
            (try? Data(contentsOf: file.url)).map { (file.name, $0) }
        }
    }
}

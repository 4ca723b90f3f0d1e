import Core
import Fluent
import Foundation
import Vapor

/// The `notifications.deliver` job: one attempt to hand one message to its provider.
struct NotificationDelivery: Sendable {
    struct Payload: Codable, Sendable { let messageID: UUID }
    static let kind = JobKind<Payload>("notifications.deliver")
    /// 30 s, 1, 2, 4, 8 min ... up to an hour: a provider outage of a few hours loses nothing.
    static let retryPolicy = RetryPolicy.exponential(base: 30, cap: 3600, maxAttempts: 8)

    let transports: [NotificationChannel: any ChannelTransport]
    let settings: NotificationSettings

    var handler: JobHandler {
        JobHandler(Self.kind, retry: Self.retryPolicy, timeout: settings.providerTimeout * 4 + 30) { payload, context in
            try await run(payload.messageID, context)
        }
    }

    /// Enqueues the delivery of `message`; WhatsApp and SMS that are not urgent wait for the
    /// end of quiet hours.
    static func enqueue(_ message: NotificationMessage, settings: NotificationSettings, now: Date, on db: any Database) async throws {
        let runAt = holdsBack(message) ? settings.quietHours.nextAllowed(after: now) : now
        if runAt > now {
            message.scheduledFor = runAt
            try await message.save(on: db)
        }
        try await JobQueue.enqueue(kind, Payload(messageID: try message.requireID()), tenantID: message.tenantID, runAt: runAt, on: db)
    }

    static func holdsBack(_ message: NotificationMessage) -> Bool {
        message.channel != .email && !message.urgent
    }

    func run(_ messageID: UUID, _ context: JobContext) async throws {
        let db = context.db
        guard let message = try await NotificationMessage.find(messageID, on: db) else {
            throw PermanentJobError("message \(messageID) no longer exists")
        }
        guard message.state == .queued else { return } // sent already, by an earlier run of this job
        let now = context.now
        if Self.holdsBack(message), settings.quietHours.isQuiet(at: now) {
            // A retry or a resend that fell into the night waits for the morning, as a new job.
            try await context.commit { tx in try await Self.enqueue(message, settings: settings, now: now, on: tx) }
            PlatformMetrics.notification(channel: message.channel.rawValue, outcome: "held")
            return
        }
        let essential = context.application.notificationTemplates[message.template]?.essential ?? false
        if !essential, try await OptOuts.isOptedOut(
            scope: NotificationOptOut.scope(of: message.tenantID), channel: message.channel, address: message.recipient, on: db) {
            return try await finish(message, failed: "The recipient opted out of \(message.channel.rawValue)", context)
        }
        guard let transport = transports[message.channel] else {
            return try await finish(message, failed: "\(message.channel.rawValue) is not configured", context)
        }
        let attachments = try await NotificationAttachmentRecord.query(on: db).filter(\.$messageID == messageID).all()
        do {
            let providerID = try await transport.deliver(message, attachments: attachments, db: db, now: now)
            try await context.commit { tx in
                message.state = .sent
                message.providerID = providerID
                message.sentAt = now
                message.scheduledFor = nil
                message.error = nil
                message.attempts += 1
                try await message.save(on: tx)
            }
            PlatformMetrics.notification(channel: message.channel.rawValue, outcome: "sent")
        } catch let failure as DeliveryFailure {
            try await record(failure, of: message, context)
        }
    }

    /// Permanent failures end the message and the job; others are retried by the queue until its
    /// last attempt.
    private func record(_ failure: DeliveryFailure, of message: NotificationMessage, _ context: JobContext) async throws {
        message.attempts += 1
        message.error = String(failure.description.prefix(1000))
        if failure.isPermanent || context.isLastAttempt { message.state = .failed }
        try await message.save(on: context.db)
        PlatformMetrics.notification(channel: message.channel.rawValue, outcome: message.state == .failed ? "failed" : "retrying")
        if failure.isPermanent { throw PermanentJobError(failure.description) }
        throw failure
    }

    private func finish(_ message: NotificationMessage, failed reason: String, _ context: JobContext) async throws {
        try await context.commit { tx in
            message.state = .failed
            message.error = reason
            try await message.save(on: tx)
        }
        PlatformMetrics.notification(channel: message.channel.rawValue, outcome: "failed")
    }

    /// Sends a message again (the resend button): same texts, same recipient.
    static func resend(_ message: NotificationMessage, settings: NotificationSettings, now: Date, on db: any Database) async throws {
        try await db.transaction { tx in
            message.state = .queued
            message.error = nil
            message.providerID = nil
            message.sentAt = nil
            message.deliveredAt = nil
            message.readAt = nil
            try await message.save(on: tx)
            try await enqueue(message, settings: settings, now: now, on: tx)
        }
    }
}

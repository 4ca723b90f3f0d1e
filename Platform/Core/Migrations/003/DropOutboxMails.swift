import Fluent

/// The foundation's mail outbox, replaced by the notifications delivery log. It only ever held
/// development mails that nothing sent.
struct DropOutboxMails: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox_mails").delete()
    }

    func revert(on database: any Database) async throws {
        try await CreateOutboxMails().prepare(on: database)
    }
}

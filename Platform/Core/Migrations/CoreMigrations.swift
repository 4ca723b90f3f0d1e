import Fluent
import Vapor

/// The platform's own migrations, in order. Modules' migrations run after these.
enum CoreMigrations {
    static var all: [any Migration] {
        var list: [any Migration] = []
        do { // Migration 001 - tenancy, auth, sessions, mail outbox
            list += [
                CreateTenants(), CreateUsers(), CreateTenantMembers(), CreateTenantModules(),
                CreateLoginAttempts(), CreatePasswordResetTokens(), CreateAPIKeys(), CreateOutboxMails(),
                SessionRecord.migration,
            ]
        }
        do { // Migration 002 - job queue, schedules, domain events outbox
            list += [CreateJobs(), CreateJobSchedules(), CreateDomainEvents()]
        }
        do { // Migration 003 - the mail outbox gives way to the notifications delivery log
            list += [DropOutboxMails()]
        }
        do { // Migration 004 - API idempotency keys, sandbox API keys
            list += [CreateIdempotencyKeys(), AddSandboxToAPIKeys()]
        }
        do { // Migration 005 - invitations to join a business
            list += [CreateTenantInvitations()]
        }
        do { // Migration 006 - onboarding: email verification, district, sample rows
            list += [AddOnboardingColumns()]
        }
        return list
    }
}

import Core
import Fluent
import Foundation
import Shared

/// The dunning ladder in force: the admin's, or the standard one until they edit it.
enum PolicyStore {
    static func current(on db: any Database) async throws -> DunningPolicy {
        guard let row = try await BillingPolicyRecord.query(on: db).first(),
              let policy = try? JSONDecoder().decode(DunningPolicy.self, from: Data(row.stepsJSON.utf8)) else {
            return .standard
        }
        return policy
    }

    static func save(_ policy: DunningPolicy, now: Date, on db: any Database) async throws {
        let json = String(decoding: try JSONEncoder.jobs.encode(policy), as: UTF8.self)
        if let row = try await BillingPolicyRecord.query(on: db).first() {
            row.stepsJSON = json
            row.updatedAt = now
            try await row.save(on: db)
        } else {
            let row = BillingPolicyRecord()
            row.stepsJSON = json
            row.updatedAt = now
            try await row.create(on: db)
        }
    }
}

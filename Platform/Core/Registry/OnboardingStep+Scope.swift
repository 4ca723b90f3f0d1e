import Fluent
import Foundation

extension OnboardingStep {
    /// A step whose check reads the tenant's own rows: `done` gets the tenant's scope.
    public static func scoped(
        _ id: String, es: (title: String, detail: String), en: (title: String, detail: String), path: String,
        done: @escaping @Sendable (TenantScope) async throws -> Bool
    ) -> OnboardingStep {
        OnboardingStep(id: id, title: LocalizedText(es: es.title, en: en.title), detail: LocalizedText(es: es.detail, en: en.detail), path: path,
                       isComplete: { tenantID, db in try await done(TenantScope(tenantID: tenantID, db: db)) })
    }
}

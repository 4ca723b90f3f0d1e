import Fluent
import Vapor

/// A step of the platform's own (billing's plan, invoicing's certificate...), contributed by
/// the part of the platform that owns the data, at a fixed place in the wizard.
public struct PlatformStep: Sendable {
    /// Steps sort by position; below `PlatformStep.modulesPosition` they come before the
    /// modules' steps, above it after them.
    public let position: Int
    public let step: OnboardingStep
    /// Whether the step concerns a business with these modules enabled.
    public let applies: @Sendable (_ enabledModules: Set<String>, ModuleRegistry) -> Bool

    public static let modulesPosition = 100

    public init(position: Int, _ step: OnboardingStep,
                applies: @escaping @Sendable (_ enabledModules: Set<String>, ModuleRegistry) -> Bool = { _, _ in true }) {
        self.position = position
        self.step = step
        self.applies = applies
    }
}

/// Where a business is in its onboarding, for the dashboard's reminder and the resume after login.
public struct OnboardingStatus: Sendable, Encodable {
    public let position: Int
    public let count: Int
    public let href: String

    public init(position: Int, count: Int, href: String) {
        self.position = position
        self.count = count
        self.href = href
    }
}

extension Application {
    private struct PlatformStepsKey: StorageKey { typealias Value = [PlatformStep] }
    typealias StatusReader = @Sendable (Application, Tenant, any Database) async throws -> OnboardingStatus?
    private struct StatusKey: StorageKey { typealias Value = StatusReader }

    public var platformOnboardingSteps: [PlatformStep] {
        get { storage[PlatformStepsKey.self] ?? [] }
        set { storage[PlatformStepsKey.self] = newValue }
    }

    private struct FinisherKey: StorageKey { typealias Value = @Sendable (UUID, any Database) async throws -> Void }

    /// Set by the wizard: marks a business's set-up finished (the demo businesses, ready to use).
    public var onboardingFinisher: (@Sendable (UUID, any Database) async throws -> Void)? {
        get { storage[FinisherKey.self] }
        set { storage[FinisherKey.self] = newValue }
    }

    /// Set by the wizard: where the business's onboarding stands, nil once it is finished.
    public var onboardingStatus: (@Sendable (Application, Tenant, any Database) async throws -> OnboardingStatus?)? {
        get { storage[StatusKey.self] }
        set { storage[StatusKey.self] = newValue }
    }
}

import Core

/// The steps the wizard itself owns; billing, invoicing and payments add theirs where their
/// data lives (`Application.platformOnboardingSteps`).
enum PlatformSteps {
    static let all: [PlatformStep] = [
        PlatformStep(position: 10, AccountStep.step),
        PlatformStep(position: 20, BusinessStep.step),
        PlatformStep(position: 30, NicheStep.step, applies: { _, registry in !registry.modules.isEmpty }),
        PlatformStep(position: 70, TeamStep.step),
        // After the modules' own steps, so examples do not make a module's steps look done.
        PlatformStep(position: 200, SampleStep.step, applies: { enabled, registry in Samples.offered(to: enabled, registry: registry) }),
    ]
}

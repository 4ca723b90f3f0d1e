import Fluent
import Vapor

/// One step of the onboarding wizard. The platform and each enabled module contribute steps;
/// the wizard shows them one at a time, in order, with a progress bar.
///
/// A step is completed either on a form the wizard shows itself (`form`: fields, then an apply
/// action), or on one of the module's own pages (`path`) when the work is bigger than a form
/// (importing products, a week of working hours).
public struct OnboardingStep: Sendable {
    public let id: String
    public let title: LocalizedText
    public let detail: LocalizedText
    /// Path relative to the module's page root where the owner does the step; nil for a form step.
    public let path: String?
    public let form: StepForm?
    /// Whether the owner may leave it for later and go on.
    public let skippable: Bool
    /// Whether the tenant's data already shows the step done (the wizard also remembers steps
    /// applied or skipped).
    public let isComplete: @Sendable (_ tenantID: UUID, _ database: any Database) async throws -> Bool

    /// A step done on a page of the module.
    public init(
        id: String, title: LocalizedText, detail: LocalizedText, path: String, skippable: Bool = true,
        isComplete: @escaping @Sendable (_ tenantID: UUID, _ database: any Database) async throws -> Bool
    ) {
        self.id = id
        self.title = title
        self.detail = detail
        self.path = path
        self.form = nil
        self.skippable = skippable
        self.isComplete = isComplete
    }

    /// A step done on the wizard's own form.
    public init(
        id: String, title: LocalizedText, detail: LocalizedText, form: StepForm, skippable: Bool = false,
        isComplete: @escaping @Sendable (_ tenantID: UUID, _ database: any Database) async throws -> Bool = { _, _ in false }
    ) {
        self.id = id
        self.title = title
        self.detail = detail
        self.path = nil
        self.form = form
        self.skippable = skippable
        self.isComplete = isComplete
    }
}

/// The form of a step: its fields (with the tenant's current values) and what saving them does.
public struct StepForm: Sendable {
    public enum Outcome: Sendable {
        /// Saved: the wizard records the step and moves on.
        case done
        /// Stay on the step and say why (a link sent again, waiting for a confirmation).
        case stay(LocalizedText)
    }

    public let fields: @Sendable (Request) async throws -> [StepField]
    /// Saves the answers, or throws `FieldErrors` keyed by field name, having saved nothing.
    public let apply: @Sendable (Request, StepValues) async throws -> Outcome
    /// The button's words when "Save and continue" does not fit ("Send the link again").
    public let submitLabel: LocalizedText?

    public init(
        submitLabel: LocalizedText? = nil,
        fields: @escaping @Sendable (Request) async throws -> [StepField],
        apply: @escaping @Sendable (Request, StepValues) async throws -> Outcome
    ) {
        self.submitLabel = submitLabel
        self.fields = fields
        self.apply = apply
    }
}

/// A form field the wizard renders; `required` text fields are checked before `apply` runs.
public struct StepField: Sendable {
    public enum Kind: String, Sendable {
        case text, email, tel, password, textarea, select, radio, checkboxes, file
    }

    public struct Option: Sendable {
        public let value: String
        public let label: LocalizedText
        public let detail: LocalizedText?

        public init(_ value: String, _ label: LocalizedText, detail: LocalizedText? = nil) {
            self.value = value
            self.label = label
            self.detail = detail
        }
    }

    public let name: String
    public let label: LocalizedText
    public let kind: Kind
    public var required = false
    public var hint: LocalizedText?
    /// The current value; for `checkboxes`, the values checked.
    public var values: [String] = []
    public var options: [Option] = []
    /// For `file`: the accepted types, as the `accept` attribute wants them.
    public var accept: String?
    /// Suggestions offered while typing (a `datalist`), for free text with common answers.
    public var suggestions: [String] = []

    public init(_ name: String, _ label: LocalizedText, kind: Kind = .text, required: Bool = false, value: String? = nil,
                hint: LocalizedText? = nil) {
        self.name = name
        self.label = label
        self.kind = kind
        self.required = required
        self.values = value.map { [$0] } ?? []
        self.hint = hint
    }

    public var value: String { values.first ?? "" }
}

/// What the owner sent on a step's form, by field name.
public struct StepValues: Sendable {
    public let texts: [String: String]
    public let lists: [String: [String]]
    public let files: [String: File]

    public init(texts: [String: String] = [:], lists: [String: [String]] = [:], files: [String: File] = [:]) {
        self.texts = texts
        self.lists = lists
        self.files = files
    }

    /// The text, trimmed; nil when empty.
    public func text(_ name: String) -> String? {
        guard let value = texts[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    public func list(_ name: String) -> [String] { lists[name] ?? [] }

    /// The uploaded file; nil when none was chosen.
    public func file(_ name: String) -> File? {
        guard let file = files[name], file.data.readableBytes > 0 else { return nil }
        return file
    }
}

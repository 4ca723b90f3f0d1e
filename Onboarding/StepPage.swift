import Core
import Vapor

/// What `onboarding/step.leaf` shows: the progress bar, the step, and its form.
struct StepPage: Encodable {
    struct Option: Encodable {
        let value: String
        let label: String
        let detail: String?
        let checked: Bool
    }

    struct Field: Encodable {
        let name: String
        let label: String
        let kind: String
        let required: Bool
        let hint: String?
        let value: String
        let options: [Option]
        let accept: String?
        let suggestions: [String]
        let error: String?
        let hasSuggestions: Bool
    }

    let key: String
    let title: String
    let detail: String
    let position: Int
    let count: Int
    let percent: Int
    let state: String
    let fields: [Field]
    let multipart: Bool
    let submitLabel: String
    /// For a step done on a module's page: the page.
    let pageHref: String?
    let skippable: Bool
    let notice: String?
    let error: String?
    let backHref: String?
    let overviewHref: String

    /// `sent` holds what the owner typed, shown again after a refusal (never passwords or files).
    static func make(
        _ req: Request, flow: OnboardingFlow, item: OnboardingFlow.Item, sent: StepValues? = nil,
        errors: [String: String] = [:], notice: String? = nil, error: String? = nil
    ) async throws -> StepPage {
        let language = req.language
        let base = "/t/\(try req.tenantContext.tenant.slug)"
        let index = flow.index(of: item.key) ?? 0
        var fields: [Field] = []
        if let form = item.step.form {
            fields = try await form.fields(req).map { field in
                let values = sent.map { shown(field, in: $0) } ?? field.values
                return Field(
                    name: field.name, label: field.label.text(for: language), kind: field.kind.rawValue, required: field.required,
                    hint: field.hint?.text(for: language), value: values.first ?? "",
                    options: field.options.map {
                        Option(value: $0.value, label: $0.label.text(for: language), detail: $0.detail?.text(for: language),
                               checked: values.contains($0.value))
                    },
                    accept: field.accept, suggestions: field.suggestions, error: errors[field.name],
                    hasSuggestions: !field.suggestions.isEmpty)
            }
        }
        let pageHref = item.step.path.map { path in
            resolved("\(base)/\(item.moduleID ?? "")\(path.isEmpty ? "" : "/\(path)")")
        }
        return StepPage(
            key: item.key, title: item.step.title.text(for: language), detail: item.step.detail.text(for: language),
            position: index + 1, count: flow.items.count, percent: (index + 1) * 100 / max(flow.items.count, 1),
            state: item.state.rawValue, fields: fields, multipart: fields.contains { $0.kind == "file" },
            submitLabel: item.step.form?.submitLabel?.text(for: language) ?? req.t(pageHref == nil ? "onboarding.save_next" : "onboarding.did_it"),
            pageHref: pageHref, skippable: item.step.skippable, notice: notice, error: error,
            backHref: index > 0 ? "\(base)/onboarding/\(flow.items[index - 1].key)" : nil, overviewHref: "\(base)/onboarding")
    }

    /// `/t/x/minimarket/../team` as `/t/x/team`: a module's step may point at a platform page.
    static func resolved(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/") {
            if segment == ".." { _ = segments.popLast() } else if segment != "." { segments.append(segment) }
        }
        return "/" + segments.joined(separator: "/")
    }

    private static func shown(_ field: StepField, in sent: StepValues) -> [String] {
        switch field.kind {
        case .password, .file: []
        case .checkboxes: sent.list(field.name)
        default: sent.texts[field.name].map { [$0] } ?? []
        }
    }

    /// The answers to `fields` in the request's body, urlencoded or multipart.
    static func values(of fields: [StepField], in req: Request) -> StepValues {
        var texts: [String: String] = [:], lists: [String: [String]] = [:], files: [String: File] = [:]
        for field in fields {
            switch field.kind {
            case .checkboxes: lists[field.name] = (try? req.content.get([String].self, at: field.name)) ?? []
            case .file: files[field.name] = try? req.content.get(File.self, at: field.name)
            default: texts[field.name] = try? req.content.get(String.self, at: field.name)
            }
        }
        return StepValues(texts: texts, lists: lists, files: files)
    }

    /// The `required` marks, checked before the step's own rules.
    static func missing(_ fields: [StepField], in values: StepValues, _ req: Request) -> FieldErrors {
        var errors = FieldErrors()
        for field in fields where field.required {
            let empty = switch field.kind {
            case .checkboxes: values.list(field.name).isEmpty
            case .file: values.file(field.name) == nil
            default: values.text(field.name) == nil
            }
            if empty { errors[field.name] = req.t(field.kind == .checkboxes ? "onboarding.choose_one" : "field.required") }
        }
        return errors
    }
}

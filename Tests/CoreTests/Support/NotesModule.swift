import Core
import Fluent
import Vapor

/// A module that exists only in the tests, to prove the plugin contract: its own table,
/// pages, API, permissions, navigation and onboarding step.
struct NotesModule: NicheModule {
    let id = "notes"
    let name = LocalizedText(es: "Notas", en: "Notes")
    let version = "1.0.0"
    var migrations: [any Migration] { [CreateNotes()] }
    var navigation: [NavigationItem] { [NavigationItem(LocalizedText(es: "Notas", en: "Notes"), permission: "notes.read")] }
    var publicNavigation: [NavigationItem] { [NavigationItem(LocalizedText(es: "Tablón público", en: "Public board"), path: "board")] }
    var permissions: [Permission] {
        [Permission("notes.read", LocalizedText(es: "Leer notas", en: "Read notes"), roles: [.owner, .staff]),
         Permission("notes.write", LocalizedText(es: "Escribir notas", en: "Write notes"), roles: [.owner, .staff])]
    }
    var eventTypes: [EventType] { [NoteCreated.eventType] }
    var notificationTemplates: [NotificationTemplate] { [NotesModule.reminder, NotesModule.alarm] }

    /// Urgent and text-only: goes out at night too, never by email.
    static let alarm = NotificationTemplate(
        "notes.alarm", LocalizedText(es: "Alarma", en: "Alarm"), parameters: ["name"],
        content: [.es: .init(short: "¡Alerta, {{name}}!"), .en: .init(short: "Alert, {{name}}!")], urgent: true)

    /// A message with every kind of part: email texts, a short text, and an approved WhatsApp
    /// template with a document header.
    static let reminder = NotificationTemplate(
        "notes.reminder", LocalizedText(es: "Recordatorio de nota", en: "Note reminder"),
        parameters: ["name", "title", "link"],
        content: [
            .es: .init(subject: "Tu nota «{{title}}» – año, Peña & Cía",
                       body: "Hola {{name}},\n\nTu nota: {{title}}\n\nDocumento: {{link}}",
                       short: "Hola {{name}}, tu nota: {{title}}"),
            .en: .init(subject: "Your note {{title}}", body: "Hello {{name}},\n\nYour note: {{title}}", short: "Hi {{name}}: {{title}}"),
        ],
        whatsApp: .init(name: "recordatorio_nota", bodyParameters: ["name", "title"], documentParameter: "link"))
    var onboardingSteps: [OnboardingStep] {
        [OnboardingStep(
            id: "first-note", title: LocalizedText(es: "Escribe tu primera nota", en: "Write your first note"),
            detail: LocalizedText(es: "Prueba el módulo.", en: "Try the module."), path: "",
            isComplete: { tenantID, db in
                try await TenantScope(tenantID: tenantID, db: db).query(Note.self).count() > 0
            }),
         // A step on the wizard's own form: fields, their rules and what saving does, all
         // declared here; the wizard knows nothing of notes.
         OnboardingStep(
            id: "pinned", title: LocalizedText(es: "Fija una nota de bienvenida", en: "Pin a welcome note"),
            detail: LocalizedText(es: "La ve tu equipo al entrar.", en: "Your team sees it first."),
            form: StepForm(
                fields: { _ in
                    [StepField("welcome", LocalizedText(es: "Texto de bienvenida", en: "Welcome text"), required: true,
                               hint: LocalizedText(es: "Hasta 40 caracteres.", en: "Up to 40 characters."))]
                },
                apply: { req, values in
                    let text = values.text("welcome") ?? ""
                    guard text.count <= 40 else {
                        throw FieldErrors(["welcome": req.language == .en ? "At most 40 characters." : "Máximo 40 caracteres."])
                    }
                    try await req.tenantScope.create(Note(title: "📌 \(text)"))
                    return .done
                }),
            skippable: true)]
    }

    func routes(_ routes: ModuleRoutes) throws {
        let pages = routes.pages
        pages.get(use: NotesPages.index)
        pages.get(":id", use: NotesPages.show)
        pages.post(use: NotesPages.create)
        pages.post(":id", "delete", use: NotesPages.delete)

        // The public board: how many notes the business has, for anyone.
        routes.publicPages.get("board") { req async throws -> String in
            "notes: \(try await req.tenantScope.query(Note.self).count())"
        }

        let api = routes.api
        api.get(use: NotesAPI.index)
        api.get(":id", use: NotesAPI.show)
        api.post(use: NotesAPI.create)
        api.put(":id", use: NotesAPI.update)
        api.delete(":id", use: NotesAPI.delete)
    }
}

final class Note: TenantOwned, Content, @unchecked Sendable {
    static let schema = "notes_notes"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "title") var title: String

    init() {}
    init(title: String) { self.title = title }
}

struct CreateNotes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Note.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .create()
        try await database.createIndex(on: Note.schema, "tenant_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Note.schema).delete()
    }
}

struct NoteInput: Content { var title: String? }

struct NoteCreated: DomainEvent {
    static let eventType = EventType("note.created", LocalizedText(es: "Nota creada", en: "Note created"))
    let id: UUID
    let title: String
}

enum NotesPages {
    @Sendable static func index(req: Request) async throws -> String {
        try req.require("notes.read")
        return try await req.tenantScope.query(Note.self).all().map(\.title).joined(separator: "\n")
    }

    @Sendable static func show(req: Request) async throws -> String {
        try req.require("notes.read")
        return try await req.tenantScope.require(Note.self, req.parameters.get("id", as: UUID.self)).title
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require("notes.write")
        let title = try req.content.decode(NoteInput.self).title ?? ""
        guard !title.isEmpty else { throw FieldErrors(["title": req.t("field.required")]) }
        try await req.tenantScope.create(Note(title: title))
        return req.redirect(to: "/t/\(try req.tenantContext.tenant.slug)/notes")
    }

    @Sendable static func delete(req: Request) async throws -> Response {
        try req.require("notes.write")
        let note = try await req.tenantScope.require(Note.self, req.parameters.get("id", as: UUID.self))
        try await note.delete(on: req.db)
        return req.redirect(to: "/t/\(try req.tenantContext.tenant.slug)/notes")
    }
}

enum NotesAPI {
    @Sendable static func index(req: Request) async throws -> [Note] {
        try req.require("notes.read")
        return try await req.tenantScope.query(Note.self).all()
    }

    @Sendable static func show(req: Request) async throws -> Note {
        try req.require("notes.read")
        return try await req.tenantScope.require(Note.self, req.parameters.get("id", as: UUID.self))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require("notes.write")
        guard let title = try req.content.decode(NoteInput.self).title, !title.isEmpty else {
            throw FieldErrors(["title": req.t("field.required")])
        }
        let note = Note(title: title)
        let (tenantID, now) = (try req.tenantContext.tenantID, req.application.clock.now())
        // The note and its event commit together: subscribers hear of exactly the notes that exist.
        try await req.db.transaction { tx in
            try await TenantScope(tenantID: tenantID, db: tx).create(note)
            try await DomainEvents.emit(NoteCreated(id: note.requireID(), title: title), tenantID: tenantID, at: now, on: tx)
        }
        return try await note.encodeResponse(status: .created, for: req)
    }

    @Sendable static func update(req: Request) async throws -> Note {
        try req.require("notes.write")
        let note = try await req.tenantScope.require(Note.self, req.parameters.get("id", as: UUID.self))
        if let title = try req.content.decode(NoteInput.self).title { note.title = title }
        try await note.save(on: req.db)
        return note
    }

    @Sendable static func delete(req: Request) async throws -> HTTPStatus {
        try req.require("notes.write")
        let note = try await req.tenantScope.require(Note.self, req.parameters.get("id", as: UUID.self))
        try await note.delete(on: req.db)
        return .noContent
    }
}

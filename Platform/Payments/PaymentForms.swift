import Core
import Fluent
import Shared
import Vapor

/// The owner's wallet form: one Yape and one Plin wallet per business, each with its number,
/// holder name and optional QR image (saving the same kind again replaces it).
enum WalletForm {
    struct Input: Content {
        var kind: String?
        var phone: String?
        var holder: String?
        var qr: File?
    }

    struct Valid {
        let kind: PaymentWallet.Kind
        let phone: PeruMobile
        let holder: String
        let image: File?
    }

    static func save(_ req: Request) async throws {
        var errors = FieldErrors()
        let valid = check(try req.content.decode(Input.self), req, into: &errors)
        try errors.throwIfAny()
        guard let valid else { return }
        try await store(valid, tenantID: try req.tenantScope.tenantID, now: req.application.clock.now(), on: req.db)
    }

    /// The wallet, or nil with the reasons in `errors` under `prefix` + the field's name.
    static func check(_ input: Input, _ req: Request, prefix: String = "", into errors: inout FieldErrors) -> Valid? {
        let kind = input.kind.flatMap(PaymentWallet.Kind.init(rawValue:))
        if kind == nil { errors[prefix + "kind"] = req.t("wallet.error.kind") }
        var phone: PeruMobile?
        do { phone = try PeruMobile(input.phone ?? "") } catch { errors[prefix + "phone"] = req.t("wallet.error.phone") }
        let holder = (input.holder ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if holder.isEmpty || holder.count > 80 { errors[prefix + "holder"] = req.t("wallet.error.holder") }
        let image = input.qr.flatMap { $0.data.readableBytes > 0 ? $0 : nil }
        // The QR image follows the voucher screenshots' rules.
        if let image, !VoucherService.screenshotTypes.contains(image.contentType?.description ?? "")
            || image.data.readableBytes > VoucherService.screenshotLimit {
            errors[prefix + "qr"] = req.t("voucher.error.screenshot")
        }
        guard let kind, let phone, errors.isEmpty else { return nil }
        return Valid(kind: kind, phone: phone, holder: holder, image: image)
    }

    static func store(_ valid: Valid, tenantID: UUID, now: Date, on db: any Database) async throws {
        let scope = TenantScope(tenantID: tenantID, db: db)
        let wallet = try await scope.query(PaymentWallet.self).filter(\.$kind == valid.kind).first()
            ?? PaymentWallet(tenantID: tenantID, kind: valid.kind, phone: valid.phone.national, holder: valid.holder, now: now)
        wallet.phone = valid.phone.national
        wallet.holder = valid.holder
        if let image = valid.image {
            wallet.qrImage = Data(image.data.readableBytesView)
            wallet.qrContentType = image.contentType?.description
        }
        if wallet.id == nil { try await scope.create(wallet) } else { try await wallet.save(on: db) }
    }
}

/// A payment link: the owner names an amount and what it is for, and sends the link to a
/// customer, who pays the business's Yape or Plin and sends the operation number.
enum LinkForm {
    struct Input: Content {
        var amount: String?
        var description: String?
    }

    static func create(_ req: Request) async throws -> Payment {
        let input = try req.content.decode(Input.self)
        var errors = FieldErrors()
        let amount = Money.parse(input.amount ?? "")
        if amount == nil || amount!.cents <= 0 { errors["amount"] = req.t("link.error.amount") }
        let description = (input.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if description.isEmpty || description.count > 140 { errors["description"] = req.t("link.error.description") }
        let tenantID = try req.tenantScope.tenantID
        let gateway = try await PaymentMethods.gateway(.voucher, for: tenantID, app: req.application, on: req.db)
        if gateway == nil { errors["link"] = req.t("link.error.voucher_off") }
        try errors.throwIfAny()
        guard let amount, let gateway else { throw Abort(.internalServerError) }
        let reference = UUID().uuidString.lowercased()
        let request = PaymentRequest(purpose: "link", reference: reference, amount: amount, idempotencyKey: "link-\(reference)",
                                     description: description)
        do {
            return try await PaymentService.create(request, tenantID: tenantID, gateway: gateway,
                                                   now: req.application.clock.now(), on: req.db)
        } catch let problem as PaymentInputError {
            throw FieldErrors(["amount": problem.message])
        }
    }
}

/// Which methods the business offers and its own Stripe and Culqi keys. A key field left
/// empty keeps the saved key: saved keys are never sent back to the browser, only masked.
enum MethodsForm {
    struct Input: Content {
        var methods: [String]?
        var stripeSecretKey: String?
        var stripeWebhookSecret: String?
        var culqiPublicKey: String?
        var culqiSecretKey: String?
    }

    static func save(_ req: Request) async throws {
        try await save(try req.content.decode(Input.self), req, on: req.db)
    }

    /// Checks every key before saving any: a refusal saves nothing.
    static func save(_ input: Input, _ req: Request, on db: any Database) async throws {
        let scope = TenantScope(tenantID: try req.tenantScope.tenantID, db: db)
        let settings = try await TenantPaymentSettings.of(scope.tenantID, now: req.application.clock.now(), on: db)
        var errors = FieldErrors()
        let methods = Set((input.methods ?? []).compactMap(PaymentProviderID.init(rawValue:)))
        let box = SecretBox(secretKey: req.application.config.secretKey, purpose: TenantPaymentSettings.keysPurpose)
        let keys: [(String?, String, String, ReferenceWritableKeyPath<TenantPaymentSettings, String?>, Bool)] = [
            (input.stripeSecretKey, "stripeSecretKey", "sk_", \.stripeSecretKeySealed, true),
            (input.stripeWebhookSecret, "stripeWebhookSecret", "whsec_", \.stripeWebhookSecretSealed, true),
            (input.culqiPublicKey, "culqiPublicKey", "pk_", \.culqiPublicKey, false),
            (input.culqiSecretKey, "culqiSecretKey", "sk_", \.culqiSecretKeySealed, true),
        ]
        for (value, field, prefix, path, sealed) in keys {
            let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            guard text.hasPrefix(prefix) || (prefix == "sk_" && text.hasPrefix("rk_")), text.count <= 255,
                  !text.contains(where: \.isWhitespace) else {
                errors[field] = req.t("methods.error.key").replacingOccurrences(of: "%prefix", with: prefix)
                continue
            }
            settings[keyPath: path] = sealed ? try box.seal(text) : text
        }
        let app = req.application
        if methods.contains(.stripe), errors["stripeSecretKey"] == nil, settings.stripeSecretKeySealed == nil,
           app.paymentGateways[.stripe] == nil {
            errors["stripeSecretKey"] = req.t("methods.error.stripe")
        }
        if methods.contains(.culqiYape), errors["culqiSecretKey"] == nil,
           settings.culqiSecretKeySealed == nil || settings.culqiPublicKey == nil,
           app.paymentGateways[.culqiYape] == nil {
            errors["culqiSecretKey"] = req.t("methods.error.culqi")
        }
        try errors.throwIfAny()
        settings.methods = methods
        settings.updatedAt = app.clock.now()
        if settings.id == nil { try await scope.create(settings) } else { try await settings.save(on: db) }
    }
}

import Core
import Fluent
import Vapor

/// The onboarding's payment methods: the business's Yape and Plin (number, holder, QR) that
/// customers pay and then report, and its own Stripe keys for cards.
enum PaymentsStep {
    static let step = PlatformStep(position: 60, OnboardingStep(
        id: "payments", title: LocalizedText(es: "¿Cómo te pagan tus clientes?", en: "How do your customers pay you?"),
        detail: LocalizedText(
            es: "Yape y Plin: tu número y tu QR; tus clientes pagan y te mandan el número de operación para que lo confirmes. Tarjetas: tus llaves de Stripe.",
            en: "Yape and Plin: your number and QR; customers pay and send you the operation number to confirm. Cards: your Stripe keys."),
        form: StepForm(fields: fields, apply: apply), skippable: true,
        isComplete: { tenantID, db in try await TenantScope(tenantID: tenantID, db: db).query(PaymentWallet.self).count() > 0 }))

    static let kinds: [(PaymentWallet.Kind, String)] = [(.yape, "Yape"), (.plin, "Plin")]

    @Sendable static func fields(_ req: Request) async throws -> [StepField] {
        let wallets = try await req.tenantScope.query(PaymentWallet.self).all()
        var fields: [StepField] = []
        for (kind, name) in kinds {
            let wallet = wallets.first { $0.kind == kind }
            var qr = StepField("\(kind.rawValue)_qr", LocalizedText(es: "QR de \(name) (imagen)", en: "\(name) QR (image)"), kind: .file,
                               hint: wallet?.qrImage != nil ? LocalizedText(es: "Ya subiste uno.", en: "One is saved.") : nil)
            qr.accept = "image/png,image/jpeg,image/webp"
            fields += [
                StepField("\(kind.rawValue)_phone", LocalizedText(es: "Celular de \(name)", en: "\(name) mobile"), kind: .tel, value: wallet?.phone),
                StepField("\(kind.rawValue)_holder", LocalizedText(es: "Titular de \(name)", en: "\(name) holder"), value: wallet?.holder,
                          hint: LocalizedText(es: "El nombre que ve tu cliente al pagar.", en: "The name your customer sees when paying.")),
                qr,
            ]
        }
        fields += [
            StepField("stripe_secret_key", LocalizedText(es: "Llave secreta de Stripe (sk_…)", en: "Stripe secret key (sk_…)"), kind: .password,
                      hint: LocalizedText(es: "Opcional, para cobrar con tarjeta. Se guarda cifrada.", en: "Optional, to take cards. Stored encrypted.")),
            StepField("stripe_webhook_secret", LocalizedText(es: "Secreto del webhook de Stripe (whsec_…)", en: "Stripe webhook secret (whsec_…)"),
                      kind: .password),
        ]
        return fields
    }

    /// Every wallet and key is checked before any is saved.
    @Sendable static func apply(_ req: Request, _ values: StepValues) async throws -> StepForm.Outcome {
        var errors = FieldErrors()
        var wallets: [WalletForm.Valid] = []
        for (kind, _) in kinds {
            let prefix = "\(kind.rawValue)_"
            let input = WalletForm.Input(kind: kind.rawValue, phone: values.text(prefix + "phone"), holder: values.text(prefix + "holder"),
                                         qr: values.file(prefix + "qr"))
            guard input.phone != nil || input.holder != nil || input.qr != nil else { continue }
            if let valid = WalletForm.check(input, req, prefix: prefix, into: &errors) { wallets.append(valid) }
        }
        try errors.throwIfAny()
        let tenantID = try req.tenantScope.tenantID
        let now = req.application.clock.now()
        let current = try await TenantPaymentSettings.of(tenantID, now: now, on: req.db).methods
        var methods = current
        if !wallets.isEmpty { methods.insert(.voucher) }
        if values.text("stripe_secret_key") != nil { methods.insert(.stripe) }
        let keys = MethodsForm.Input(methods: methods.map(\.rawValue), stripeSecretKey: values.text("stripe_secret_key"),
                                     stripeWebhookSecret: values.text("stripe_webhook_secret"))
        let valid = wallets
        do {
            try await req.db.transaction { tx in
                try await MethodsForm.save(keys, req, on: tx)
                for wallet in valid { try await WalletForm.store(wallet, tenantID: tenantID, now: now, on: tx) }
            }
        } catch let refused as FieldErrors {
            // The methods form names its fields in camelCase; the step in snake_case.
            throw FieldErrors(Dictionary(uniqueKeysWithValues: refused.fields.map { key, message in
                (key == "stripeWebhookSecret" ? "stripe_webhook_secret" : "stripe_secret_key", message)
            }))
        }
        return .done
    }
}

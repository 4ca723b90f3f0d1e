@testable import Billing
@testable import Core
import Fluent
@testable import Invoicing
@testable import Minimarket
@testable import Notifications
@testable import Onboarding
@testable import Payments
@testable import Salon
import Testing
import TestSupport
import VaporTesting

extension AllTests {
    @Suite struct OnboardingTests {}
}

/// Signs up on the register page as a browser does; the browser is signed in afterwards.
private func signUp(_ app: Application, business: String = "Bodega Doña Rosa", ruc: String = RUCs.a,
                    email: String = "rosa@bodega.pe") async throws -> (Browser, String) {
    let browser = Browser(app)
    try await browser.get("/register")
    let page = try await browser.post("/register", [
        ("business_name", business), ("ruc", ruc), ("owner_name", "Rosa Quispe"), ("email", email), ("password", "clave-segura-123"),
    ])
    let location = try #require(page.location)
    #expect(page.status == .seeOther && location.hasSuffix("/onboarding"))
    return (browser, String(location.dropFirst("/t/".count).dropLast("/onboarding".count)))
}

/// The link of the newest verification mail.
private func verificationLink(_ app: Application) async throws -> String {
    let mail = try #require(try await NotificationMessage.query(on: app.db).filter(\.$template == "auth.email_verification")
        .sort(\.$createdAt, .descending).first())
    let link = try #require(DevOutboxController.links(in: mail.bodyText).first)
    return String(link.dropFirst("http://localhost:8080".count))
}

private func tenant(_ app: Application, _ slug: String) async throws -> Tenant {
    try #require(try await Tenant.query(on: app.db).filter(\.$slug == slug).first())
}

extension AllTests.OnboardingTests {
    /// From the register page through every platform step and the test module's, leaving the
    /// browser midway and signing in again to land on the step where the owner was.
    @Test func signupWalksEveryStepAndResumesAfterSigningInAgain() async throws {
        try await withTestApp { app in
            let (browser, slug) = try await signUp(app, ruc: "46779354")
            let base = "/t/\(slug)/onboarding"
            #expect(try await tenant(app, slug).ruc == "10467793549", "a DNI stands for the owner's RUC 10")
            #expect(try await browser.get("\(base)/next").location == "\(base)/account")

            // 1. Account: the link was mailed at signup; asking again mails another.
            let account = try await browser.get("\(base)/account")
            #expect(account.body.contains(#"<span id="wizard-position"><span>Paso</span> 1 <span>de</span> 7</span>"#))
            let resent = try await browser.post("\(base)/account", [])
            #expect(resent.status == .ok && resent.body.contains("Te enviamos otro enlace a rosa@bodega.pe"))
            #expect(try await NotificationMessage.query(on: app.db).filter(\.$template == "auth.email_verification").count() == 2)
            #expect(try await browser.post("\(base)/account/skip", []).status == .conflict, "the account step cannot be skipped")
            #expect(try await browser.get(try await verificationLink(app)).location == "/app")
            #expect(try await browser.get("/app").location == "\(base)/business", "verified: on to the next open step")

            // 2. Business data: a bad RUC is refused at the step, nothing of it saved.
            let bad = try await browser.post("\(base)/business", [
                ("ruc", "20100070971"), ("legal_name", "Rosa Quispe Mamani"), ("address", "Av. Los Próceres 123"), ("district", "Comas"),
            ])
            #expect(bad.status == .unprocessableEntity && bad.body.contains(#"id="error-ruc""#) && bad.body.contains("dígito verificador"))
            #expect(bad.body.contains(#"value="Av. Los Próceres 123""#), "what was typed is shown again")
            #expect(try await tenant(app, slug).address == nil)
            let business = try await browser.post("\(base)/business", [
                ("ruc", "10467793549"), ("legal_name", "Rosa Quispe Mamani"), ("trade_name", "Bodega Doña Rosa"),
                ("address", "Av. Los Próceres 123"), ("district", "Comas"), ("phone", "987654321"),
            ])
            #expect(business.location == "\(base)/niche")
            let saved = try await tenant(app, slug)
            #expect(saved.legalName == "Rosa Quispe Mamani" && saved.district == "Comas" && saved.tradeName == "Bodega Doña Rosa")

            // Leaves; a new browser signs in and is back where the owner was.
            let again = Browser(app)
            try await signIn(again, "rosa@bodega.pe", "clave-segura-123")
            #expect(try await again.get("/app").location == "\(base)/niche")

            // 3. Niche: the test module, whose two steps join the wizard.
            try await again.get("\(base)/niche")
            #expect(try await again.post("\(base)/niche", []).status == .unprocessableEntity)
            #expect(try await again.post("\(base)/niche", [("modules[]", "notes")]).location == "\(base)/plan")
            #expect(try await again.get("\(base)/plan").body.contains(#"<span>Paso</span> 4 <span>de</span> 9"#))

            // 4. Plan: still in trial, so the choice is free.
            #expect(try await again.post("\(base)/plan", [("plan", "nada")]).status == .unprocessableEntity)
            #expect(try await again.post("\(base)/plan", [("plan", "negocio")]).location == "\(base)/invoicing")
            let subscription = try #require(try await Subscription.query(on: app.db).filter(\.$tenantID == saved.requireID()).first())
            let plan = try #require(try await Plan.find(subscription.planID, on: app.db))
            #expect(plan.code == "negocio" && subscription.state == .trial && subscription.renewalCents == 5000)

            // 5. Invoicing: skipped; sandbox stays.
            #expect(try await again.post("\(base)/invoicing/skip", []).location == "\(base)/payments")

            // 6. Payments: a Yape wallet with its QR.
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
            let wallet = try await again.multipart("\(base)/payments", fields: [("yape_phone", "987 654 321"), ("yape_holder", "Rosa Q.")],
                                                   files: [.init(field: "yape_qr", filename: "yape.png", contentType: "image/png", bytes: png)])
            #expect(wallet.location == "\(base)/team")
            let yape = try #require(try await PaymentWallet.query(on: app.db).filter(\.$tenantID == saved.requireID()).first())
            #expect(yape.kind == .yape && yape.phone == "987654321" && yape.qrImage == Data(png))

            // 7. Team: one bad address refuses the lot.
            let refused = try await again.post("\(base)/team", [("emails", "ana@bodega.pe\nno-es-correo")])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("no-es-correo"))
            #expect(try await TenantInvitation.query(on: app.db).count() == 0)
            #expect(try await again.post("\(base)/team", [("emails", "ana@bodega.pe, luis@bodega.pe")]).location == "\(base)/notes.first-note")
            #expect(try await TenantInvitation.query(on: app.db).count() == 2)

            // The module's page step is believed only when its data shows it done.
            let notYet = try await again.post("\(base)/notes.first-note", [])
            #expect(notYet.status == .conflict && notYet.body.contains(#"href="/t/\#(slug)/notes""#))
            #expect(try await again.post("\(base)/notes.first-note/skip", []).location == "\(base)/notes.pinned")

            // The module's form step: its own field and rule, in the wizard.
            let form = try await again.get("\(base)/notes.pinned")
            #expect(form.body.contains(#"name="welcome""#) && form.body.contains("Texto de bienvenida"))
            let long = try await again.post("\(base)/notes.pinned", [("welcome", String(repeating: "a", count: 41))])
            #expect(long.status == .unprocessableEntity && long.body.contains("Máximo 40 caracteres."))
            #expect(try await again.post("\(base)/notes.pinned", [("welcome", "Hola equipo")]).location == base)
            #expect(try await TenantScope(tenantID: saved.requireID(), db: app.db).query(Note.self).first()?.title == "📌 Hola equipo")

            let done = try await again.get(base)
            #expect(done.body.contains(#"id="wizard-finished""#) && !done.body.contains("wizard-continue"))
            #expect(try await again.get("/app").location == "/t/\(slug)", "finished: sign-in goes to the dashboard")
            let rows = try await OnboardingProgress.query(on: app.db).all()
            #expect(Set(rows.map(\.stepKey)) == ["account", "business", "niche", "plan", "invoicing", "payments", "team",
                                                  "notes.first-note", "notes.pinned", "_finished"])
            #expect(rows.first { $0.stepKey == "invoicing" }?.outcome == .skipped)
        }
    }

    /// A certificate that is not PKCS#12, has another password, expired, or names another
    /// RUC is refused on the invoicing step with the reason; the profile keeps what it had.
    @Test func invoicingStepRefusesBadCertificatesAndKeepsTheRest() async throws {
        let certificates = try TestCertificates.shared.get()
        let directory = certificates.directory
        try Shell.require("openssl", ["pkcs12", "-export", "-inkey", "expired-key.pem", "-in", "expired-cert.pem", "-out", "expired.p12",
                                      "-passout", "pass:\(TestCertificates.password)"], in: directory)
        try await withTestApp { app in
            let (browser, slug) = try await signUp(app, ruc: TestCertificates.ruc)
            let base = "/t/\(slug)/onboarding/invoicing"
            func send(_ file: String, bytes: [UInt8]? = nil, password: String = TestCertificates.password,
                      environment: String = "production") async throws -> Page {
                try await browser.get(base)
                let data = try bytes ?? [UInt8](certificates.data(file))
                return try await browser.multipart(base, fields: [
                    ("environment", environment), ("boleta_series", "B002"), ("factura_series", "F001"),
                    ("certificate_password", password), ("sol_user", "MODDATOS"), ("sol_password", "moddatos"),
                ], files: [.init(field: "certificate", filename: file, contentType: "application/x-pkcs12", bytes: data)])
            }
            let cases: [(Page, String)] = [
                (try await send("notes.pfx", bytes: Array("not a certificate".utf8)), "no es un certificado digital"),
                (try await send("cert.p12", password: "otra-clave"), "contraseña del certificado digital no es correcta"),
                (try await send("expired.p12"), "venció"),
                (try await send("other.p12"), TestCertificates.otherRUC),
            ]
            for (page, reason) in cases {
                #expect(page.status == .unprocessableEntity && page.body.contains(#"id="error-certificate""#) && page.body.contains(reason),
                        "\(reason)")
                #expect(page.body.contains(#"value="B002""#) && page.body.contains(#"value="MODDATOS""#), "the other answers are shown again")
            }
            let tenantID = try await tenant(app, slug).requireID()
            var profile = try #require(try await InvoicingProfile.query(on: app.db).filter(\.$tenantID == tenantID).first())
            #expect(profile.environment == .sandbox && profile.certificateOrigin == "sandbox" && profile.solUser == nil)
            #expect(try await InvoiceSeries.query(on: app.db).filter(\.$series == "B002").count() == 0)

            let good = try await send("cert.p12")
            #expect(good.location == "/t/\(slug)/onboarding/payments")
            profile = try #require(try await InvoicingProfile.query(on: app.db).filter(\.$tenantID == tenantID).first())
            #expect(profile.environment == .production && profile.certificateOrigin == "uploaded" && profile.solUser == "MODDATOS")
            #expect(profile.solPasswordSealed != nil && profile.solPasswordSealed != "moddatos", "the SOL password is stored sealed")
            let boletas = try await InvoicingProfiles.series(of: .boleta, tenantID: tenantID, environment: .production, on: app.db)
            #expect(boletas.first?.series == "B002", "the chosen series comes first")
        }
    }

    /// Turning a module on later (from the settings) goes to that module's steps, as at signup.
    @Test func enablingAModuleLaterRunsItsSteps() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Burbujas", email: "lava@example.pe")
            let browser = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/settings")
            let base = "/t/\(business.slug)/onboarding"
            #expect(!(try await browser.get(base).body.contains("Escribe tu primera nota")))

            let chosen = try await browser.post("/t/\(business.slug)/settings/modules", [("modules[]", "notes")])
            #expect(chosen.location == "\(base)/next?module=notes")
            #expect(try await browser.get("\(base)/next?module=notes").location == "\(base)/notes.first-note",
                    "the module's first step, ahead of the platform's still open")
            let overview = try await browser.get(base).body
            #expect(overview.contains(#"<li class="pending"><a href="\#(base)/notes.first-note">Escribe tu primera nota</a>"#))

            #expect(try await browser.post("/t/\(business.slug)/notes", [("title", "primera")]).status == .seeOther)
            #expect(try await browser.get(base).body.contains(#"<li class="done"><a href="\#(base)/notes.first-note">Escribe tu primera nota</a>"#))
            #expect(try await browser.post("/t/\(business.slug)/settings/modules", [("modules[]", "notes")]).location
                    == "/t/\(business.slug)/settings?saved=true", "nothing newly on: back to the settings")
        }
    }

    /// Samples on request, removed with one click: what a sale or booking used is retired, the
    /// rest deleted, and nothing of the owner's own is touched.
    @Test func sampleDataComesAndGoesWithOneClick() async throws {
        try await withTestApp(modules: [NotesModule(), MinimarketModule(), SalonModule()]) { app in
            let business = try await makeBusiness(app, name: "Bodega y Salón", email: "mixto@example.pe", modules: ["minimarket", "salon"])
            let browser = try await ownerBrowser(app, business)
            let key = try await makeAPIKey(app, business)
            let own = try await apiPost(app, "/api/v1/minimarket/products", key: key,
                                        json: #"{"name":"Chicha morada 1 L","price":"6.50","barcode":"7750182002363","stock":"5"}"#)
            #expect(own.status == .created)
            let base = "/t/\(business.slug)/onboarding"
            #expect(try await browser.get("\(base)/samples").body.contains("Sí, agrega ejemplos"))
            #expect(try await browser.post("\(base)/samples", []).status == .seeOther)

            let scope = TenantScope(tenantID: business.id, db: app.db)
            let products = try await scope.query(MarketProduct.self).all()
            #expect(products.count == MarketDemo.shelf.count, "the shelf, less the one whose barcode the owner already uses")
            #expect(try await scope.query(SalonService.self).count() == ServiceTemplate.all.count)
            #expect(try await scope.query(SalonStylist.self).count() == 1)
            #expect(try await browser.get(base).body.contains(#"id="samples-remove""#))
            #expect(try await browser.post("\(base)/samples", []).status == .seeOther)
            #expect(try await scope.query(MarketProduct.self).count() == products.count, "asking twice adds nothing twice")

            let sold = try #require(products.first { $0.name == "Leche Gloria 400 g" })
            let sale = try await apiPost(app, "/api/v1/minimarket/sales", key: key,
                                         json: saleJSON("sample-sale", [(try sold.requireID(), "1")], cash: "4.20"))
            #expect(sale.status == .created)

            let removed = try await browser.post("\(base)/remove-samples", [])
            #expect(removed.location == "\(base)?samples=removed")
            let left = try await scope.query(MarketProduct.self).all()
            #expect(Set(left.map(\.name)) == ["Chicha morada 1 L", "Leche Gloria 400 g"])
            #expect(left.first { $0.name == "Leche Gloria 400 g" }?.active == false, "sold: retired, not deleted")
            #expect(try await scope.query(MarketSale.self).count() == 1)
            #expect(try await scope.query(SalonService.self).count() == 0)
            #expect(try await scope.query(SalonStylist.self).count() == 0)
            #expect(!(try await browser.get(base).body.contains(#"id="samples-remove""#)))
        }
    }

    /// The admin's funnel counts the businesses past each platform step.
    @Test func adminFunnelCountsBusinessesPastEachStep() async throws {
        try await withTestApp { app in
            let (first, firstSlug) = try await signUp(app, business: "Bodega Uno", email: "uno@example.pe")
            _ = try await signUp(app, business: "Bodega Dos", email: "dos@example.pe")
            let uno = try #require(try await User.query(on: app.db).filter(\.$email == "uno@example.pe").first())
            uno.emailVerifiedAt = Date()
            try await uno.save(on: app.db)
            try await first.get("/t/\(firstSlug)/onboarding")

            let admin = User(email: "admin@multinicho.pe", name: "Admin", passwordHash: try Bcrypt.hash("clave-segura-123", cost: 4),
                             isPlatformAdmin: true)
            try await admin.create(on: app.db)
            let browser = Browser(app)
            try await signIn(browser, "admin@multinicho.pe", "clave-segura-123")
            let page = try await browser.get("/admin/onboarding")
            #expect(page.status == .ok && page.body.contains("<svg"))
            #expect(page.body.contains(#"<td>0</td><td>Registrados</td><td class="passed">2</td>"#))
            #expect(page.body.contains(#"<td>1</td><td>Confirma tu correo</td><td class="passed">1</td><td>0</td><td>50%</td>"#))
            #expect(page.body.contains(#"<td>2</td><td>Datos de tu negocio</td><td class="passed">0</td>"#))
            #expect(try await Browser(app).get("/admin/onboarding").status != .ok, "admins only")
        }
    }

    /// A RUC changed on the business step (or the settings) reaches the invoicing issuer made
    /// before: the next factura is signed and issued under the new RUC.
    @Test func aNewRUCReachesTheInvoicingIssuer() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Ferretería Lima", email: "ferre@example.pe")
            let key = try await makeAPIKey(app, business)
            #expect(try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody).status == .accepted)

            let base = "/t/\(business.slug)/onboarding/business"
            let browser = try await ownerBrowser(app, business, opening: base)
            let saved = try await browser.post(base, [("ruc", RUCs.c), ("legal_name", "Ferretería Lima S.A.C."),
                                                      ("address", "Av. Abancay 100"), ("district", "Lima")])
            #expect(saved.status == .seeOther)
            let profile = try #require(try await InvoicingProfile.query(on: app.db).filter(\.$tenantID == business.id).first())
            #expect(profile.ruc == RUCs.c && profile.legalName == "Ferretería Lima S.A.C." && profile.addressLine == "Av. Abancay 100")

            let second = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody)
            #expect(second.status == .accepted)
            let links = try #require(try second.json()["links"] as? [String: Any])
            let xml = try #require((links["xml"] as? String)?.replacingOccurrences(of: "http://localhost:8080", with: ""))
            let document = try await api(app, .GET, xml, key: key).text
            #expect(document.contains(RUCs.c) && !document.contains(">\(RUCs.a)<"), "issued under the new RUC")
        }
    }

    @Test func wizardSpeaksEnglishSecond() async throws {
        try await withTestApp { app in
            let (browser, slug) = try await signUp(app)
            try await browser.get("/lang/en?next=/t/\(slug)/onboarding/plan")
            let plan = try await browser.get("/t/\(slug)/onboarding/plan")
            #expect(plan.body.contains(#"<span id="wizard-position"><span>Step</span> 4 <span>of</span> 7</span>"#))
            #expect(plan.body.contains("Choose your plan") && plan.body.contains("Básico — S/ 30.00 a month"))
            let missing = try await browser.post("/t/\(slug)/onboarding/business", [("ruc", "123")])
            #expect(missing.status == .unprocessableEntity && missing.body.contains("This field is required."))
            let refused = try await browser.post("/t/\(slug)/onboarding/business", [
                ("ruc", "123"), ("legal_name", "Rosa Quispe"), ("address", "Av. Perú 1"), ("district", "Comas"),
            ])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("The RUC must have 11 digits"))
        }
    }
}


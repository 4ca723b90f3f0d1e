@testable import Core
import Fluent
import Testing
import VaporTesting

extension AllTests {
    @Suite struct RegistrationTests {}
}

private let validForm: [(String, String)] = [
    ("business_name", "Bodega Doña Rosa"), ("ruc", RUCs.a), ("owner_name", "Rosa Quispe"),
    ("email", "rosa@example.pe"), ("password", "clave-segura-123"),
]

private func replacing(_ field: String, with value: String?) -> [(String, String)] {
    validForm.compactMap { $0.0 == field ? value.map { (field, $0) } : $0 }
}

private func counts(_ app: Application) async throws -> (Int, Int, Int) {
    (try await User.query(on: app.db).count(), try await Tenant.query(on: app.db).count(),
     try await TenantMember.query(on: app.db).count())
}

extension AllTests.RegistrationTests {
    @Test func registeringCreatesOwnerAndBusinessAndSignsIn() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.get("/register")
            let page = try await browser.post("/register", validForm)

            #expect(page.status == .seeOther)
            #expect(page.location == "/t/bodega-dona-rosa/onboarding")
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "rosa@example.pe").first())
            let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$slug == "bodega-dona-rosa").first())
            #expect(tenant.ruc == RUCs.a && tenant.legalName == "Bodega Doña Rosa" && tenant.status == .active)
            let member = try #require(try await TenantMember.query(on: app.db).first())
            #expect(member.role == .owner && member.$user.id == user.id && member.$tenant.id == tenant.id)
            #expect(user.passwordHash != "clave-segura-123" && user.passwordHash.hasPrefix("$2"))
            #expect(try await browser.get("/t/bodega-dona-rosa").body.contains("Bodega Doña Rosa"))
        }
    }

    @Test(arguments: [
        ("business_name", nil as String?, "Este campo es obligatorio"),
        ("owner_name", "   ", "Este campo es obligatorio"),
        ("email", "rosa-at-example.pe", "correo válido"),
        ("email", "rosa@localhost", "correo válido"),
        ("password", "corta123", "al menos 10 caracteres"),
        ("ruc", "20100070971", "dígito verificador"),
        ("ruc", "2010007097", "11 dígitos"),
        ("ruc", nil, "Este campo es obligatorio"),
    ])
    func badFormInputIsRejectedPerFieldAndNothingIsCreated(field: String, value: String?, message: String) async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.get("/register")
            let page = try await browser.post("/register", replacing(field, with: value))

            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains(#"id="error-\#(field)""#))
            #expect(page.body.contains(message), "page should explain: \(message)")
            #expect(!page.body.contains("clave-segura-123"), "the password is never echoed back")
            let (users, tenants, members) = try await counts(app)
            #expect(users == 0 && tenants == 0 && members == 0)
        }
    }

    @Test func emailAlreadyUsedIsRejectedAndTheFirstAccountIsUntouched() async throws {
        try await withTestApp { app in
            let first = try await makeBusiness(app, name: "Primera", email: "rosa@example.pe")
            let browser = Browser(app)
            try await browser.get("/register")
            let page = try await browser.post("/register", replacing("email", with: "ROSA@example.pe"))

            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Ya existe una cuenta con este correo"))
            let (users, tenants, _) = try await counts(app)
            #expect(users == 1 && tenants == 1)
            let owner = try #require(try await User.find(first.owner.id, on: app.db))
            #expect(owner.passwordHash == first.owner.passwordHash)
        }
    }

    @Test func sameBusinessNameGetsADistinctSlug() async throws {
        try await withTestApp { app in
            _ = try await makeBusiness(app, name: "Bodega Doña Rosa", email: "a@example.pe")
            let browser = Browser(app)
            try await browser.get("/register")
            let page = try await browser.post("/register", validForm)
            #expect(page.location == "/t/bodega-dona-rosa-2/onboarding")
        }
    }

    @Test func apiSignupCreatesTheBusiness() async throws {
        try await withTestApp { app in
            let body = #"{"business_name":"Lavandería Burbujas","ruc":"\#(RUCs.b)","owner_name":"Ana","email":"ana@example.pe","password":"clave-segura-123"}"#
            let response = try await api(app, .POST, "/api/v1/signup", json: body)

            #expect(response.status == .created)
            let json = try response.json()
            let tenant = try #require(json["tenant"] as? [String: Any])
            #expect(tenant["slug"] as? String == "lavanderia-burbujas")
            #expect(tenant["ruc"] as? String == RUCs.b)
            #expect(try await Tenant.query(on: app.db).count() == 1)
        }
    }

    @Test func apiSignupWithBadInputAnswersJSONPerField() async throws {
        try await withTestApp { app in
            let body = #"{"business_name":"","ruc":"123","owner_name":"Ana","email":"nope","password":"short"}"#
            let response = try await api(app, .POST, "/api/v1/signup", json: body)

            #expect(response.status == .unprocessableEntity)
            let json = try response.json()
            #expect(json["error"] is String)
            let fields = try #require(json["fields"] as? [String: String])
            #expect(Set(fields.keys) == ["business_name", "ruc", "email", "password"])
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }

    @Test func apiSignupWithMalformedJSONIsA400NotA500() async throws {
        try await withTestApp { app in
            let response = try await api(app, .POST, "/api/v1/signup", json: #"{"business_name": 12"#)
            #expect(response.status == .badRequest)
            #expect(try response.json()["error"] is String)
        }
    }

    @Test func apiRefusesFormEncodedBodies() async throws {
        try await withTestApp { app in
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/signup", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: FormBody.encode(validForm)))
            #expect(response.status == .unsupportedMediaType)
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }
}

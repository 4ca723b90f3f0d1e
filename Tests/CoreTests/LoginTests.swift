@testable import Core
import Fluent
import Testing
import VaporTesting

extension AllTests {
    @Suite struct LoginTests {}
}

extension AllTests.LoginTests {
    @Test func ownerLogsInAndReachesTheDashboard() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let browser = Browser(app)
            try await browser.get("/login")
            let anonymousCookie = browser.cookie

            let page = try await browser.post("/login", [("email", "Bella@Example.pe"), ("password", business.password)])

            #expect(page.status == .seeOther && page.location == "/app")
            #expect(browser.cookie != nil && browser.cookie != anonymousCookie, "session id rotates on login")
            #expect(try await browser.get("/app").location == "/t/\(business.slug)/onboarding/account",
                    "an owner whose set-up is unfinished resumes it")
            let dashboard = try await browser.get("/t/\(business.slug)")
            #expect(dashboard.status == .ok && dashboard.body.contains("Salón Bella"))
            #expect(dashboard.body.contains(#"id="setup-reminder""#))

            _ = try await addMember(app, to: business, email: "carla@example.pe", role: .staff)
            let staff = Browser(app)
            try await signIn(staff, "carla@example.pe", "clave-segura-123")
            #expect(try await staff.get("/app").location == "/t/\(business.slug)", "staff go to the dashboard")
            #expect(!(try await staff.get("/t/\(business.slug)").body.contains(#"id="setup-reminder""#)))
        }
    }

    @Test func wrongPasswordIsRefusedWithAMessage() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let page = try await signIn(Browser(app), business.email, "incorrecta-123")
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("Correo o contraseña incorrectos"))
        }
    }

    @Test func logoutEndsTheSession() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let browser = try await ownerBrowser(app, business)
            let stolenCookie = try #require(browser.cookie)
            try await browser.get("/t/\(business.slug)")

            let page = try await browser.post("/logout", [])
            #expect(page.location == "/login?notice=logged_out")

            let replay = Browser(app)
            try await replay.get("/")
            let headers = HTTPHeaders([("Cookie", "mn_session=\(stolenCookie)")])
            let response = try await app.testing().sendRequest(.GET, "/t/\(business.slug)", headers: headers)
            #expect(response.status == .seeOther, "the old session cookie no longer works")
            #expect(response.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test func sessionsExpireAfterThirtyDays() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let browser = try await ownerBrowser(app, business)
            let cookie = try #require(browser.cookie)
            let record = try #require(try await SessionRecord.query(on: app.db)
                .filter(\.$key == SessionID(string: cookie)).first())
            record.data["signed_in_at"] = String(Date().addingTimeInterval(-31 * 24 * 3600).timeIntervalSince1970)
            try await record.save(on: app.db)

            #expect(try await browser.get("/t/\(business.slug)").location?.hasPrefix("/login") == true)
        }
    }

    @Test func pagesRedirectAnonymousVisitorsToLogin() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let page = try await Browser(app).get("/t/\(business.slug)/settings")
            #expect(page.status == .seeOther)
            #expect(page.location == "/login?next=/t/\(business.slug)/settings")
        }
    }

    @Test func loginNeverRedirectsOffSite() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let browser = Browser(app)
            try await browser.get("/login")
            let page = try await browser.post("/login", [("email", business.email), ("password", business.password),
                                                         ("next", "//evil.example/phish")])
            #expect(page.location == "/app")
        }
    }

    @Test func fiveFailuresForOneEmailThrottleEvenTheRightPassword() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            for attempt in 1...5 {
                let page = try await signIn(Browser(app), business.email, "incorrecta-\(attempt)")
                #expect(page.status == .unauthorized)
            }
            // From another IP, with the right password: the account is still throttled.
            let page = try await signIn(Browser(app), business.email, business.password)
            #expect(page.status == .tooManyRequests)
            let retryAfter = try #require(page.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect((850...900).contains(retryAfter))
            #expect(page.body.contains("Demasiados intentos"))
        }
    }

    @Test func fiveFailuresFromOneIPThrottleThatIP() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let attacker = Browser(app, ip: "203.0.113.9")
            for n in 1...5 {
                #expect(try await signIn(attacker, "guess\(n)@example.pe", "incorrecta-123").status == .unauthorized)
            }
            #expect(try await signIn(attacker, business.email, business.password).status == .tooManyRequests)
            // A forged leading X-Forwarded-For entry does not help: the proxy's (last) entry counts.
            let forger = Browser(app, ip: "1.2.3.4, 203.0.113.9")
            #expect(try await signIn(forger, business.email, business.password).status == .tooManyRequests)
            // Another client is not affected.
            #expect(try await signIn(Browser(app, ip: "198.51.100.7"), business.email, business.password).status == .seeOther)
        }
    }

    @Test func throttlingLiftsOnceTheFailuresLeaveTheWindow() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            for n in 1...5 { try await signIn(Browser(app), business.email, "incorrecta-\(n)") }
            #expect(try await signIn(Browser(app), business.email, business.password).status == .tooManyRequests)

            let sixteenMinutesAgo = Date().addingTimeInterval(-16 * 60)
            try await LoginAttempt.query(on: app.db).set(\.$attemptedAt, to: sixteenMinutesAgo).update()

            #expect(try await signIn(Browser(app), business.email, business.password).status == .seeOther)
        }
    }

    @Test func successfulLoginForgivesEarlierFailures() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            for n in 1...4 { try await signIn(Browser(app), business.email, "incorrecta-\(n)") }
            #expect(try await signIn(Browser(app), business.email, business.password).status == .seeOther)
            for n in 1...4 { try await signIn(Browser(app), business.email, "otra-vez-\(n)") }
            #expect(try await signIn(Browser(app), business.email, business.password).status == .seeOther)
        }
    }
}

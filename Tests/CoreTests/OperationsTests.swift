@testable import Core
import Foundation
import Minimarket
import Salon
import Testing
import VaporTesting

extension AllTests {
    @Suite struct OperationsTests {}
}

extension AllTests.OperationsTests {
    @Test func healthAndReadinessAnswer() async throws {
        try await withTestApp { app in
            let health = try await app.testing().sendRequest(.GET, "/healthz", headers: ["X-Request-Id": "req-123"])
            #expect(health.status == .ok)
            #expect(health.headers.first(name: "X-Request-Id") == "req-123")
            let ready = try await app.testing().sendRequest(.GET, "/readyz")
            #expect(ready.status == .ok && ready.body.string.contains("ready"))
        }
    }

    @Test func metricsAreInPrometheusFormat() async throws {
        try await withTestApp { app in
            _ = try await app.testing().sendRequest(.GET, "/healthz")
            let metrics = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers.contentType?.description.hasPrefix("text/plain") == true)
            #expect(metrics.body.string.contains("# TYPE http_requests_total counter"))
            #expect(metrics.body.string.contains(#"path="/healthz""#))
        }
    }

    @Test func unknownPagesAre404InTheRightFormat() async throws {
        try await withTestApp { app in
            let page = try await Browser(app).get("/no-existe")
            #expect(page.status == .notFound && page.body.contains("No encontramos esta página"))
            let json = try await api(app, .GET, "/api/v1/no-existe")
            #expect(json.status == .notFound || json.status == .unauthorized)
            #expect(try json.json()["error"] is String)
        }
    }

    @Test func languageSwitchesToEnglishAndBack() async throws {
        try await withTestApp { app in
            let switched = try await app.testing().sendRequest(.GET, "/lang/en?next=/login")
            #expect(switched.status == .seeOther && switched.headers.first(name: .location) == "/login")
            let cookie = try #require(switched.headers.setCookie?["lang"]?.string)
            let english = try await app.testing().sendRequest(.GET, "/login", headers: ["Cookie": "lang=\(cookie)"])
            #expect(english.body.string.contains("Sign in to your business"))
            let spanish = try await app.testing().sendRequest(.GET, "/login")
            #expect(spanish.body.string.contains("Ingresa a tu negocio"))
        }
    }

    @Test func cookiesAreHttpOnlyAndSameSite() async throws {
        try await withTestApp { app in
            let page = try await Browser(app).get("/login")
            let cookie = try #require(page.headers[.setCookie].first { $0.hasPrefix("mn_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
        }
    }
}

extension AllTests.OperationsTests {
    @Test func configurationReadsTheEnvironment() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        let config = try AppConfig.fromEnvironment([
            "DATA_DIR": dir, "PORT": "9090", "DATABASE_URL": "postgres://u:p@db:5432/app", "BASE_URL": "https://app.example.pe/",
        ])
        #expect(config.port == 9090 && config.baseURL == "https://app.example.pe" && config.secureCookies)
        #expect(config.database == .postgres(URL(string: "postgres://u:p@db:5432/app")!))

        let defaults = try AppConfig.fromEnvironment(["DATA_DIR": dir])
        #expect(defaults.database == .sqliteFile("\(dir)/multinicho.sqlite") && defaults.port == 8080)
        #expect(defaults.secretKey.count >= 32, "a secret is generated when SECRET_KEY is unset")
        #expect(try AppConfig.fromEnvironment(["DATA_DIR": dir]).secretKey == defaults.secretKey, "and kept across restarts")

        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["DATA_DIR": dir, "PORT": "eighty"]) }
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["DATA_DIR": dir, "DATABASE_URL": "mysql://x"]) }
    }

    @Test func everyTranslationKeyExistsInBothLanguages() throws {
        SalonModule.registerStrings()  // the niches' views are checked too, whichever tests ran before
        MinimarketModule.registerStrings()
        let (es, en) = Strings.allKeys
        #expect(es == en)
        let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Resources/Views").standardized
        let files = FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" } ?? []
        #expect(files.count >= 10)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /#t\("([^"]+)"\)/) {
                #expect(es.contains(String(match.1)), "\(file.lastPathComponent) uses missing key \(match.1)")
            }
        }
    }
}

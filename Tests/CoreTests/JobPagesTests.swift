@testable import Core
import Fluent
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct JobPagesTests {}
}

private func deadJob(_ app: Application, tenantID: UUID?, kind: String = "test.ok") async throws -> JobRecord {
    let job = JobRecord(kind: kind, payload: #"{"label":"x"}"#, tenantID: tenantID, runAt: Date(), now: Date())
    job.state = .dead
    job.attempts = 8
    job.lastError = "HTTP 500"
    try await job.create(on: app.db)
    return job
}

extension AllTests.JobPagesTests {
    @Test func theOwnerSeesTheirFailedJobsFirstAndRetriesOne() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Tareas", email: "tareas@example.pe")
            let other = try await makeBusiness(app, name: "Bodega Ajena", email: "ajena@example.pe")
            try await JobQueue.enqueue(TestJobs.ok, TestPayload(label: "fine"), tenantID: business.id, runAt: Date(), on: app.db)
            let dead = try await deadJob(app, tenantID: business.id)
            let foreign = try await deadJob(app, tenantID: other.id)
            let browser = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/jobs")

            let page = try await browser.get("/t/\(business.slug)/jobs")
            #expect(page.status == .ok)
            let deadRow = try #require(page.body.range(of: "job-\(dead.id!)"))
            let queuedRow = try #require(page.body.range(of: "class=\"job queued\""))
            #expect(deadRow.lowerBound < queuedRow.lowerBound, "failed and dead jobs come first")
            #expect(page.body.contains("HTTP 500") && !page.body.contains("job-\(foreign.id!)"))

            let retried = try await browser.post("/t/\(business.slug)/jobs/\(dead.id!)/retry", [])
            #expect(retried.status == .seeOther)
            let row = try #require(try await JobRecord.find(dead.id, on: app.db))
            #expect(row.state == .queued && row.attempts == 0)
            #expect(try await browser.post("/t/\(business.slug)/jobs/\(foreign.id!)/retry", []).status == .notFound)
            #expect(try await JobRecord.find(foreign.id, on: app.db)?.state == .dead)
        }
    }

    @Test func onlyThePlatformAdminSeesEveryQueue() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Admin", email: "owner@example.pe")
            let dead = try await deadJob(app, tenantID: business.id, kind: "webhooks.deliver")
            try await Scheduler.tick(app)

            let owner = try await ownerBrowser(app, business)
            #expect(try await owner.get("/admin/jobs").status == .notFound)
            #expect(try await Browser(app).get("/admin/jobs").status == .seeOther, "anonymous: sign in first")

            let admin = User(email: "jefa@multinicho.pe", name: "Jefa", passwordHash: try Bcrypt.hash("clave-admin-123", cost: 4))
            admin.isPlatformAdmin = true
            try await admin.create(on: app.db)
            let browser = Browser(app)
            try await signIn(browser, "jefa@multinicho.pe", "clave-admin-123")
            let page = try await browser.get("/admin/jobs")
            #expect(page.status == .ok)
            #expect(page.body.contains("webhooks.deliver") && page.body.contains(business.slug) && page.body.contains("core.sweep"))
            #expect(try await browser.post("/admin/jobs/\(dead.id!)/retry", []).status == .seeOther)
            #expect(try await JobRecord.find(dead.id, on: app.db)?.state == .queued)
        }
    }
}

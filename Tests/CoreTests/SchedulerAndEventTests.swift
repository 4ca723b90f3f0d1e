@testable import Core
import Fluent
import Shared
import SQLKit
import Testing
import Vapor

extension AllTests {
    @Suite struct SchedulerAndEventTests {}
}

/// 2026-11-23 (a Monday) at `hour`:`minute` in Lima.
private func lima(_ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
    var components = DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute, second: second)
    components.timeZone = LimaCalendar.timeZone
    return Calendar(identifier: .gregorian).date(from: components)!
}

extension AllTests.SchedulerAndEventTests {
    @Test func aScheduleFiresOncePerTickInLimaTimeAndMissedTicksCollapse() async throws {
        try await withTestApp { app in
            let clock = TestClock(lima(23, 7, 59))
            app.clock = clock
            let recorder = RunRecorder()
            TestJobs.register(on: app, recorder: recorder)
            app.scheduledJobs = [ScheduledJob("test.morning", try CronSchedule("0 8 * * *"), kind: TestJobs.ok, payload: TestPayload(label: "8am"))]
            let queued = { try await JobRecord.query(on: app.db).filter(\.$kind == "test.ok").count() }

            #expect(try await Scheduler.tick(app).isEmpty)
            clock.set(lima(23, 8, 0, 5))
            #expect(try await Scheduler.tick(app) == ["test.morning"])
            #expect(try await Scheduler.tick(app).isEmpty, "one run per tick")
            #expect(try await queued() == 1)

            clock.set(lima(26, 9, 0))  // three mornings missed while every instance was down
            #expect(try await Scheduler.tick(app) == ["test.morning"])
            #expect(try await Scheduler.tick(app).isEmpty)
            #expect(try await queued() == 2)
            let row = try #require(try await JobScheduleRow.find("test.morning", on: app.db))
            #expect(row.nextRunAt == lima(27, 8, 0))
        }
    }

    @Test func twoInstancesTickingTogetherEnqueueOneJob() async throws {
        try await withTestApp { app in
            let clock = TestClock(lima(23, 7, 59))
            app.clock = clock
            TestJobs.register(on: app, recorder: RunRecorder())
            app.scheduledJobs = [ScheduledJob("test.every5", .every(minutes: 5), kind: TestJobs.ok, payload: TestPayload(label: "x"))]
            try await Scheduler.tick(app)
            clock.set(lima(23, 8, 0, 1))

            async let first = Scheduler.tick(app)
            async let second = Scheduler.tick(app)
            let fired = try await first + second

            #expect(fired == ["test.every5"])
            #expect(try await JobRecord.query(on: app.db).filter(\.$kind == "test.ok").count() == 1)
        }
    }

    @Test func aChangedCronExpressionMovesTheNextRun() async throws {
        try await withTestApp { app in
            let clock = TestClock(lima(23, 7, 0))
            app.clock = clock
            TestJobs.register(on: app, recorder: RunRecorder())
            app.scheduledJobs = [ScheduledJob("test.s", .daily(hour: 8), kind: TestJobs.ok, payload: TestPayload(label: "x"))]
            try await Scheduler.tick(app)
            app.scheduledJobs = [ScheduledJob("test.s", .daily(hour: 22), kind: TestJobs.ok, payload: TestPayload(label: "x"))]
            try await Scheduler.tick(app)
            #expect(try await JobScheduleRow.find("test.s", on: app.db)?.nextRunAt == lima(23, 22, 0))
        }
    }

    @Test func theNightlySweepRemovesOnlyExpiredRows() async throws {
        try await withTestApp { app in
            let now = Date()
            let old = JobRecord(kind: "test.ok", payload: "{}", tenantID: nil, runAt: now, now: now)
            old.state = .succeeded
            old.finishedAt = now.addingTimeInterval(-31 * 24 * 3600)
            let recent = JobRecord(kind: "test.ok", payload: "{}", tenantID: nil, runAt: now, now: now)
            recent.state = .succeeded
            recent.finishedAt = now.addingTimeInterval(-3600)
            let deadOld = JobRecord(kind: "test.ok", payload: "{}", tenantID: nil, runAt: now, now: now)
            deadOld.state = .dead
            deadOld.finishedAt = old.finishedAt
            for row in [old, recent, deadOld] { try await row.create(on: app.db) }
            try await LoginAttempt(email: "a@b.pe", ip: "1.2.3.4", at: now.addingTimeInterval(-2 * 24 * 3600)).create(on: app.db)
            try await LoginAttempt(email: "a@b.pe", ip: "1.2.3.4", at: now).create(on: app.db)

            try await CoreJobs.runSweep(now: now, on: app.db)

            let left = Set(try await JobRecord.query(on: app.db).all().compactMap(\.id))
            #expect(left == Set([recent.id!, deadOld.id!]), "dead jobs stay for a person to see")
            #expect(try await LoginAttempt.query(on: app.db).count() == 1)
        }
    }

    @Test func anEventExistsOnlyIfItsTransactionCommits() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salon Rosa", email: "rosa@example.pe")
            struct Rollback: Error {}
            try? await app.db.transaction { tx in
                try await DomainEvents.emit(NoteCreated(id: UUID(), title: "lost"), tenantID: business.id, at: Date(), on: tx)
                throw Rollback()
            }
            #expect(try await StoredEvent.query(on: app.db).count() == 0)

            let key = try await makeAPIKey(app, business)
            _ = try await TenantModules.set(["notes"], for: business.id, registry: app.modules, on: app.db)
            let created = try await api(app, .POST, "/api/v1/notes", key: key, json: #"{"title":"Corte de pelo"}"#)
            #expect(created.status == .created)
            let event = try #require(try await StoredEvent.query(on: app.db).first())
            #expect(event.type == "note.created" && event.version == 1 && event.tenantID == business.id)
            #expect(event.payload.contains(#""title":"Corte de pelo""#))
        }
    }

    @Test func theDispatcherHandsEachEventToItsSubscribersOnce() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Veterinaria Max", email: "max@example.pe")
            let recorder = RunRecorder()
            app.eventSubscribers.append(EventSubscriber("recorder", eventTypes: ["note.created"]) { event, _, _ in
                recorder.record(event.type)
            })
            app.eventSubscribers.append(EventSubscriber("everything") { event, _, _ in recorder.record("all:\(event.type)") })
            try await DomainEvents.emit(NoteCreated(id: UUID(), title: "a"), tenantID: business.id, at: Date(), on: app.db)

            #expect(try await EventDispatcher.dispatchPending(app) == 1)
            #expect(try await EventDispatcher.dispatchPending(app) == 0)

            #expect(recorder.all.sorted() == ["all:note.created", "note.created"])
            #expect(try await StoredEvent.query(on: app.db).first()?.dispatchedAt != nil)
        }
    }

    @Test func aFailingSubscriberHoldsBackItsEventButNotTheOthers() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavanderia Sol", email: "sol@example.pe")
            let recorder = RunRecorder()
            struct Refused: Error {}
            app.eventSubscribers.append(EventSubscriber("picky") { event, _, _ in
                if event.payload.contains("bad") { throw Refused() }
                recorder.record(event.payload)
            })
            let now = Date()
            try await DomainEvents.emit(NoteCreated(id: UUID(), title: "bad"), tenantID: business.id, at: now, on: app.db)
            try await DomainEvents.emit(NoteCreated(id: UUID(), title: "good"), tenantID: business.id, at: now.addingTimeInterval(1), on: app.db)

            #expect(try await EventDispatcher.dispatchPending(app, limit: 2) == 1)

            let events = try await StoredEvent.query(on: app.db).sort(\.$occurredAt).all()
            #expect(events[0].dispatchedAt == nil && events[0].dispatchAttempts == 1 && events[0].dispatchError?.contains("Refused") == true)
            #expect(events[1].dispatchedAt != nil)
            #expect(recorder.all.count == 1)
        }
    }

    @Test func malformedEventsAreCaughtBeforeTheyAreStored() async throws {
        struct ListPayload: DomainEvent {
            static let eventType = EventType("note.listed", LocalizedText(es: "x", en: "x"))
            var items: [Int]
            func encode(to encoder: any Encoder) throws {
                var c = encoder.unkeyedContainer()
                try c.encode(contentsOf: items)
            }
        }
        struct BadName: DomainEvent {
            static let eventType = EventType("NoteCreated", LocalizedText(es: "x", en: "x"))
        }
        try await withTestApp { app in
            await #expect(throws: EventError.payloadNotAnObject("note.listed")) {
                try await DomainEvents.emit(ListPayload(items: [1]), tenantID: nil, at: Date(), on: app.db)
            }
            await #expect(throws: EventError.invalidTypeName("NoteCreated")) {
                try await DomainEvents.emit(BadName(), tenantID: nil, at: Date(), on: app.db)
            }
            let stored = try await StoredEvent.query(on: app.db).count()
            #expect(stored == 0)
        }
        struct BadModule: NicheModule {
            let id = "bad"
            let name = LocalizedText(es: "x", en: "x")
            let version = "1"
            var migrations: [any Migration] { [] }
            var eventTypes: [EventType] { [EventType("booking", LocalizedText(es: "x", en: "x"))] }
            func routes(_ routes: ModuleRoutes) throws {}
        }
        #expect(throws: ModuleRegistry.RegistryError.invalidEventType("booking")) { try ModuleRegistry([BadModule()]) }
    }
}

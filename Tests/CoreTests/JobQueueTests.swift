@testable import Core
import Fluent
import Testing
import Vapor

extension AllTests {
    @Suite struct JobQueueTests {}
}

extension AllTests.JobQueueTests {
    @Test func aDueJobRunsOnceAndSucceeds() async throws {
        try await withTestApp { app in
            let recorder = RunRecorder()
            TestJobs.register(on: app, recorder: recorder)
            let worker = JobWorker(application: app)
            let id = try await JobQueue.enqueue(TestJobs.ok, TestPayload(label: "hello"), runAt: Date(), on: app.db)

            #expect(try await worker.runDue() == 1)
            #expect(try await worker.runDue() == 0, "a finished job is not claimed again")

            #expect(recorder.all == ["hello"])
            let row = try await job(app, id)
            #expect(row.state == .succeeded && row.attempts == 1 && row.finishedAt != nil && row.lockedBy == nil)
        }
    }

    @Test func aJobWaitsForItsRunAtTime() async throws {
        try await withTestApp { app in
            let clock = TestClock()
            app.clock = clock
            let recorder = RunRecorder()
            TestJobs.register(on: app, recorder: recorder)
            try await JobQueue.enqueue(TestJobs.ok, TestPayload(label: "later"), runAt: clock.now().addingTimeInterval(60), on: app.db)
            let worker = JobWorker(application: app)

            #expect(try await worker.runDue() == 0)
            clock.advance(by: 61)
            #expect(try await worker.runDue() == 1)
            #expect(recorder.all == ["later"])
        }
    }

    @Test func failuresBackOffWithJitterThenTheJobIsDeadAndCanBeRetried() async throws {
        try await withTestApp { app in
            let clock = TestClock()
            app.clock = clock
            let recorder = RunRecorder()
            TestJobs.register(on: app, recorder: recorder)
            let worker = JobWorker(application: app)
            let id = try await JobQueue.enqueue(TestJobs.flaky, TestPayload(label: "f"), runAt: clock.now(), on: app.db)

            try await worker.runDue()
            var row = try await job(app, id)
            #expect(row.state == .failed && row.attempts == 1 && row.lastError?.contains("Boom") == true)
            let firstWait = row.runAt.timeIntervalSince(clock.now())
            #expect(firstWait >= 9 && firstWait <= 11, "10 s ± 10 %, got \(firstWait)")

            clock.advance(by: 8.9)
            #expect(try await worker.runDue() == 0, "not before the backoff")
            clock.advance(by: 2.2)
            #expect(try await worker.runDue() == 1)
            row = try await job(app, id)
            let secondWait = row.runAt.timeIntervalSince(clock.now())
            #expect(secondWait >= 54 && secondWait <= 66, "60 s ± 10 %, got \(secondWait)")

            clock.advance(by: 67)
            try await worker.runDue()
            row = try await job(app, id)
            #expect(row.state == .dead && row.attempts == 3 && row.finishedAt != nil)
            clock.advance(by: 3600)
            #expect(try await worker.runDue() == 0, "a dead job stays dead")
            #expect(recorder.all == ["f#1", "f#2", "f#3"])

            #expect(try await JobQueue.retry(row, now: clock.now(), on: app.db))
            try await worker.runDue()
            #expect(recorder.all.last == "f#1", "a retried job starts with fresh attempts")
        }
    }

    @Test func aPermanentErrorOrAnUndecodablePayloadBuriesTheJobAtOnce() async throws {
        try await withTestApp { app in
            let recorder = RunRecorder()
            TestJobs.register(on: app, recorder: recorder)
            let broken = try await JobQueue.enqueue(TestJobs.broken, TestPayload(label: "b"), runAt: Date(), on: app.db)
            let garbled = JobRecord(kind: TestJobs.ok.name, payload: #"{"nope":1}"#, tenantID: nil, runAt: Date(), now: Date())
            try await garbled.create(on: app.db)

            try await JobWorker(application: app).runDue()

            #expect(try await job(app, broken).state == .dead)
            let row = try await job(app, garbled.requireID())
            #expect(row.state == .dead && row.lastError?.contains("does not decode") == true)
            #expect(recorder.all == ["b"], "the garbled payload never reached the handler")
        }
    }

    @Test func anAttemptThatOutlivesItsTimeoutFails() async throws {
        try await withTestApp { app in
            let recorder = RunRecorder()
            TestJobs.register(on: app, recorder: recorder)
            let id = try await JobQueue.enqueue(TestJobs.slow, TestPayload(label: "s"), runAt: Date(), on: app.db)

            try await JobWorker(application: app).runDue()

            let row = try await job(app, id)
            #expect(row.state == .failed && row.lastError?.contains("timed out") == true)
        }
    }

    @Test func aJobWhoseWorkerDiedIsTakenOverAndTheDeadWorkerCannotCompleteIt() async throws {
        try await withTestApp { app in
            let clock = TestClock()
            app.clock = clock
            let recorder = RunRecorder()
            TestJobs.register(on: app, recorder: recorder)
            let id = try await JobQueue.enqueue(TestJobs.ok, TestPayload(label: "orphan"), runAt: clock.now(), on: app.db)
            // Worker A claims the job and then goes silent.
            let claimed = try await JobQueue.claim(kinds: ["test.ok"], limit: 10, owner: "A", lease: 30, now: clock.now(), on: app.db)
            #expect(claimed.map(\.id) == [id])
            let survivor = JobWorker(application: app, options: .init(lease: 30), id: "B")

            #expect(try await survivor.runDue() == 0, "the lease still holds")
            clock.advance(by: 31)
            #expect(try await survivor.runDue() == 1)

            #expect(recorder.all == ["orphan"])
            let row = try await job(app, id)
            #expect(row.state == .succeeded && row.attempts == 2)
            #expect(try await JobQueue.markSucceeded(id, owner: "A", now: clock.now(), on: app.db) == false)
            #expect(try await JobQueue.markFailed(id, owner: "A", error: "late", retryAt: nil, now: clock.now(), on: app.db) == false)
            #expect(try await job(app, id).state == .succeeded, "A's late news changes nothing")
        }
    }

    @Test func commitRollsBackTheWorkOfAWorkerThatLostItsLease() async throws {
        try await withTestApp { app in
            let clock = TestClock()
            app.clock = clock
            let business = try await makeBusiness(app, name: "Bodega Lima", email: "lima@example.pe")
            let kind = JobKind<TestPayload>("test.note")
            app.jobHandlers.register(JobHandler(kind) { payload, context in
                try await context.commit { tx in
                    try await TenantScope(tenantID: business.id, db: tx).create(Note(title: payload.label))
                }
            })
            let id = try await JobQueue.enqueue(kind, TestPayload(label: "once"), runAt: clock.now(), on: app.db)
            let stale = try #require(try await JobQueue.claim(kinds: [kind.name], limit: 1, owner: "A", lease: 5, now: clock.now(), on: app.db).first)
            clock.advance(by: 6)
            try await JobWorker(application: app, id: "B").runDue()

            // A wakes up and finishes its copy of the work: it must not land.
            let late = JobContext(jobID: id, kind: kind.name, tenantID: nil, attempt: stale.attempts, maxAttempts: 8,
                                  payloadJSON: stale.payload, application: app, workerID: "A")
            await #expect(throws: JobQueue.LeaseLost.self) {
                try await late.commit { tx in try await TenantScope(tenantID: business.id, db: tx).create(Note(title: "twice")) }
            }
            #expect(try await Note.query(on: app.db).all().map(\.title) == ["once"])
        }
    }

    @Test func theRetryPolicyFollowsItsScheduleWithinTheJitter() {
        let webhooks = RetryPolicy.schedule([5, 300, 1800, 7200, 18000, 36000, 36000], jitter: 0.1)
        #expect(webhooks.maxAttempts == 8)
        #expect(webhooks.delay(afterAttempt: 1, unit: 0) == 4.5)
        #expect(webhooks.delay(afterAttempt: 1, unit: 0.5) == 5)
        #expect(abs(webhooks.delay(afterAttempt: 7, unit: 1) - 39600) < 0.001)
        let exponential = RetryPolicy.exponential(base: 10, cap: 100, maxAttempts: 6, jitter: 0)
        #expect((1...6).map { exponential.delay(afterAttempt: $0) } == [10, 20, 40, 80, 100, 100])
    }
}

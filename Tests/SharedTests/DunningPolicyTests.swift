import Foundation
import Shared
import Testing

@Suite("Dunning policy")
struct DunningPolicyTests {
    static func step(_ offsetDays: Int, _ action: DunningAction) -> DunningStep {
        DunningStep(offsetDays: offsetDays, action: action)
    }

    @Test(arguments: [
        (-4, MembershipStage.active), (-3, .active), (0, .active), (1, .warning), (4, .warning),
        (5, .readOnly), (9, .readOnly), (10, .blocked), (89, .blocked), (90, .cancelled), (400, .cancelled),
    ])
    func standardStageByDaysOverdue(days: Int, stage: MembershipStage) {
        #expect(DunningPolicy.standard.stage(daysOverdue: days) == stage)
    }

    @Test func nothingOwedIsActive() {
        #expect(DunningPolicy.standard.stage(daysOverdue: nil) == .active)
    }

    @Test func standardPassesItsOwnValidation() throws {
        #expect(try DunningPolicy(steps: DunningPolicy.standard.steps) == .standard)
        #expect(DunningPolicy.standard.steps.map(\.offsetDays) == [-3, 0, 1, 5, 10, 90])
    }

    @Test func standardThresholds() {
        let thresholds = DunningPolicy.standard.thresholds
        #expect(thresholds.map(\.offsetDays) == [1, 5, 10, 90])
        #expect(thresholds.map(\.stage) == [.warning, .readOnly, .blocked, .cancelled])
    }

    @Test(arguments: [
        (-3, [step(-3, .reminder)]), (0, [step(0, .reminder)]), (1, [step(1, .warning)]),
        (5, [step(5, .readOnly)]), (10, [step(10, .blocked)]), (90, [step(90, .cancelled)]),
        (-4, []), (2, []), (11, []), (400, []),
    ])
    func standardStepsOnADay(days: Int, expected: [DunningStep]) {
        #expect(DunningPolicy.standard.steps(on: days) == expected)
    }

    @Test func dailyRemindersStartAtTheWarning() throws {
        #expect(DunningPolicy.standard.dailyReminderFrom == 1)
        let noWarning = try DunningPolicy(steps: [Self.step(0, .reminder), Self.step(7, .blocked)])
        #expect(noWarning.dailyReminderFrom == nil)
        #expect(noWarning.stage(daysOverdue: 6) == .active)
        #expect(noWarning.stage(daysOverdue: 7) == .blocked)
    }

    @Test func remindersOnlyNeverChangeTheStage() throws {
        let policy = try DunningPolicy(steps: [Self.step(-7, .reminder), Self.step(0, .reminder), Self.step(3, .reminder)])
        #expect(policy.thresholds.isEmpty)
        #expect([-10, 0, 3, 1000].allSatisfy { policy.stage(daysOverdue: $0) == .active })
    }

    @Test func equalSeverityAgainIsAllowed() throws {
        let policy = try DunningPolicy(steps: [Self.step(1, .warning), Self.step(3, .reminder), Self.step(4, .warning)])
        #expect(policy.stage(daysOverdue: 3) == .warning)
    }

    @Test(arguments: [
        ([DunningStep](), DunningPolicyError.empty),
        ([step(5, .reminder), step(2, .warning)], .outOfOrder(index: 1)),
        ([step(0, .reminder), step(3, .reminder), step(3, .reminder)], .overlapping(offsetDays: 3)),
        ([step(1, .warning), step(1, .reminder)], .overlapping(offsetDays: 1)),
        ([step(-2, .reminder), step(-1, .warning)], .stateBeforeDueDate(index: 1)),
        ([step(1, .warning), step(10, .blocked), step(12, .readOnly)], .stageGoesBack(index: 2)),
        // Checked in order, so the first broken step wins.
        ([step(-1, .readOnly), step(-5, .reminder)], .stateBeforeDueDate(index: 0)),
        ([step(3, .blocked), step(3, .readOnly)], .overlapping(offsetDays: 3)),
    ])
    func rejectsInvalidSteps(steps: [DunningStep], error: DunningPolicyError) {
        #expect(throws: error) { try DunningPolicy(steps: steps) }
    }

    @Test func messagesNameTheStepFromOne() {
        #expect(DunningPolicyError.stageGoesBack(index: 2).message.contains("paso 3"))
        #expect(DunningPolicyError.stageGoesBack(index: 2).messageEn.contains("Step 3"))
        #expect(DunningPolicyError.outOfOrder(index: 1).message
            == "El paso 2 debe ir después del paso 1: los pasos van ordenados por día")
        #expect(DunningPolicyError.stateBeforeDueDate(index: 0).message.contains("paso 1"))
        #expect(DunningPolicyError.overlapping(offsetDays: -3).message
            == "Hay dos pasos 3 días antes del vencimiento: solo puede haber un paso por día")
        #expect(DunningPolicyError.overlapping(offsetDays: 1).messageEn
            == "There are two steps 1 day after the due date: only one step per day is allowed")
        #expect(DunningPolicyError.overlapping(offsetDays: 0).message.contains("el día del vencimiento"))
        #expect(!DunningPolicyError.empty.message.isEmpty && !DunningPolicyError.empty.messageEn.isEmpty)
    }

    @Test func jsonRoundTripUsesSnakeCase() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(DunningPolicy.standard)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.hasPrefix(#"{"steps":[{"action":"reminder","offset_days":-3},"#))
        #expect(text.contains(#"{"action":"read_only","offset_days":5}"#))
        #expect(try JSONDecoder().decode(DunningPolicy.self, from: json) == .standard)
    }

    @Test func decodingValidates() {
        let json = #"{"steps": [{"offset_days": 10, "action": "blocked"}, {"offset_days": 20, "action": "read_only"}]}"#
        do {
            _ = try JSONDecoder().decode(DunningPolicy.self, from: Data(json.utf8))
            Issue.record("an invalid policy decoded")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == DunningPolicyError.stageGoesBack(index: 1).messageEn)
            #expect(context.codingPath.map(\.stringValue) == ["steps"])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func decodingRejectsEmptyAndUnknownActions() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DunningPolicy.self, from: Data(#"{"steps": []}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DunningPolicy.self, from: Data(#"{"steps": [{"offset_days": 1, "action": "suspend"}]}"#.utf8))
        }
    }

    @Test func actionsMapToStages() {
        #expect(DunningAction.allCases.map(\.stage) == [nil, .warning, .readOnly, .blocked, .cancelled])
        #expect(DunningAction.readOnly.rawValue == "read_only")
    }
}

@Suite("Membership stage")
struct MembershipStageTests {
    @Test(arguments: [
        (MembershipStage.trial, "trial", 0, true, true, "Prueba", "Trial"),
        (.active, "active", 0, true, true, "Activa", "Active"),
        (.warning, "warning", 1, true, true, "Aviso de pago", "Payment warning"),
        (.readOnly, "read_only", 2, false, true, "Solo lectura", "Read only"),
        (.blocked, "blocked", 3, false, false, "Bloqueada", "Blocked"),
        (.cancelled, "cancelled", 4, false, false, "Cancelada", "Cancelled"),
    ])
    func describesEachStage(
        stage: MembershipStage, raw: String, severity: Int, writes: Bool, access: Bool, spanish: String, english: String
    ) {
        #expect(stage.rawValue == raw)
        #expect(stage.severity == severity)
        #expect(stage.allowsWrites == writes)
        #expect(stage.allowsAccess == access)
        #expect(stage.spanishName == spanish)
        #expect(stage.englishName == english)
    }

    @Test func codesAsRawValue() throws {
        let json = try JSONEncoder().encode([MembershipStage.readOnly])
        #expect(String(decoding: json, as: UTF8.self) == #"["read_only"]"#)
        #expect(try JSONDecoder().decode([MembershipStage].self, from: json) == [.readOnly])
    }
}

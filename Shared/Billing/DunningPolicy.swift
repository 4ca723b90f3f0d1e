/// What the dunning ladder does to a business on one day.
public enum DunningAction: String, Codable, Sendable, CaseIterable {
    case reminder, warning
    case readOnly = "read_only"
    case blocked, cancelled

    /// The stage this action puts the business in, nil for a reminder.
    public var stage: MembershipStage? {
        switch self {
        case .reminder: nil
        case .warning: .warning
        case .readOnly: .readOnly
        case .blocked: .blocked
        case .cancelled: .cancelled
        }
    }
}

/// One step of the ladder: `offsetDays` relative to the due date (negative = before it).
public struct DunningStep: Codable, Equatable, Sendable {
    public var offsetDays: Int
    public var action: DunningAction

    public init(offsetDays: Int, action: DunningAction) {
        self.offsetDays = offsetDays
        self.action = action
    }

    private enum CodingKeys: String, CodingKey {
        case offsetDays = "offset_days"
        case action
    }
}

/// The ladder a business with an unpaid membership charge goes down, day by day, until it pays.
///
/// The stage is a pure function of how many days the oldest unpaid charge is overdue, never
/// stored state that a job advances: a missed job run, a payment or an edited policy is then
/// reflected on the next read, and paying puts the business back to `.active` at once.
/// The steps are always valid (ascending, one per day, never milder): both the initializer and
/// decoding check them, so a policy edited as JSON in the admin console cannot be half applied.
public struct DunningPolicy: Codable, Equatable, Sendable {
    public private(set) var steps: [DunningStep]

    /// -3 reminder, 0 reminder, +1 warning, +5 read_only, +10 blocked, +90 cancelled.
    public static let standard = DunningPolicy(validated: [
        DunningStep(offsetDays: -3, action: .reminder),
        DunningStep(offsetDays: 0, action: .reminder),
        DunningStep(offsetDays: 1, action: .warning),
        DunningStep(offsetDays: 5, action: .readOnly),
        DunningStep(offsetDays: 10, action: .blocked),
        DunningStep(offsetDays: 90, action: .cancelled),
    ])

    /// Validates; see `DunningPolicyError` (the first problem found is thrown).
    public init(steps: [DunningStep]) throws(DunningPolicyError) {
        try Self.validate(steps)
        self.steps = steps
    }

    /// For `standard` only, whose steps a test runs through `validate`; avoids a `try!`
    /// in a static initializer.
    private init(validated steps: [DunningStep]) {
        self.steps = steps
    }

    /// Checks in this order: empty; then for each step in turn, its order against the one
    /// before (equal days are `overlapping`), a state change before the due date, and a
    /// stage milder than an earlier one.
    private static func validate(_ steps: [DunningStep]) throws(DunningPolicyError) {
        guard !steps.isEmpty else { throw .empty }
        var worstSoFar: MembershipStage?
        for (index, step) in steps.enumerated() {
            if index > 0 {
                let previous = steps[index - 1].offsetDays
                if step.offsetDays == previous { throw .overlapping(offsetDays: step.offsetDays) }
                if step.offsetDays < previous { throw .outOfOrder(index: index) }
            }
            guard let stage = step.action.stage else { continue }
            if step.offsetDays < 0 { throw .stateBeforeDueDate(index: index) }
            if let worst = worstSoFar, stage.severity < worst.severity { throw .stageGoesBack(index: index) }
            worstSoFar = stage
        }
    }

    /// The stage for a business whose oldest unpaid charge is `daysOverdue` days past due
    /// (negative = not yet due; nil = nothing owed): the stage of the last state step whose
    /// offset is <= daysOverdue, else .active. Reminders do not change the stage.
    ///
    /// Never `.trial`: whether a business is still on trial is known from its signup, not
    /// from what it owes, so callers check that first.
    public func stage(daysOverdue: Int?) -> MembershipStage {
        guard let daysOverdue else { return .active }
        return thresholds.last { $0.offsetDays <= daysOverdue }?.stage ?? .active
    }

    /// The state steps, ascending by offset: (offsetDays, stage). Used to build SQL CASE expressions.
    public var thresholds: [(offsetDays: Int, stage: MembershipStage)] {
        steps.compactMap { step in step.action.stage.map { (offsetDays: step.offsetDays, stage: $0) } }
    }

    /// The steps that fire exactly on `daysOverdue` (reminders and state changes of that day).
    ///
    /// Validation allows one step per day, so this holds at most one step today; it is an
    /// array so that the daily job does not change if that rule is ever relaxed.
    public func steps(on daysOverdue: Int) -> [DunningStep] {
        steps.filter { $0.offsetDays == daysOverdue }
    }

    /// The offset of the warning step, if any: from then until payment a reminder goes out every day.
    ///
    /// Before the warning a debtor may simply not have looked yet; after it, every day they do
    /// not pay brings them closer to losing writes, so they hear about it daily.
    public var dailyReminderFrom: Int? {
        steps.first { $0.action == .warning }?.offsetDays
    }

    private enum CodingKeys: String, CodingKey {
        case steps
    }

    /// Decodes `{"steps": [...]}` and validates it like `init(steps:)`, failing with
    /// `DecodingError.dataCorrupted` whose description is the English reason.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let steps = try container.decode([DunningStep].self, forKey: .steps)
        do {
            try Self.validate(steps)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .steps, in: container, debugDescription: error.messageEn)
        }
        self.steps = steps
    }
}

/// Why a dunning policy was rejected. `index` is the step's 0-based position in `steps`;
/// messages number steps from 1 ("paso 3"), as the admin console lists them.
public enum DunningPolicyError: Error, Equatable, Sendable {
    case empty
    /// Steps must be in ascending offset order: step `index` is not after the one before it.
    case outOfOrder(index: Int)
    /// Two steps on the same day (two reminders on one day count as overlapping too).
    case overlapping(offsetDays: Int)
    /// A state step less severe than an earlier state step (e.g. read_only after blocked).
    case stageGoesBack(index: Int)
    /// State steps (warning..cancelled) must be on or after the due date (offset >= 0).
    case stateBeforeDueDate(index: Int)

    /// Message for end users (the admin console), in Spanish.
    public var message: String {
        switch self {
        case .empty:
            "La política de cobranza debe tener al menos un paso"
        case .outOfOrder(let index):
            "El paso \(index + 1) debe ir después del paso \(index): los pasos van ordenados por día"
        case .overlapping(let offsetDays):
            "Hay dos pasos \(Self.spanishDay(offsetDays)): solo puede haber un paso por día"
        case .stageGoesBack(let index):
            "El paso \(index + 1) es menos grave que un paso anterior: sin pago la membresía no puede volver a un estado más leve"
        case .stateBeforeDueDate(let index):
            "El paso \(index + 1) cambia el estado antes del vencimiento: antes solo puede haber recordatorios"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .empty:
            "The dunning policy must have at least one step"
        case .outOfOrder(let index):
            "Step \(index + 1) must come after step \(index): steps are ordered by day"
        case .overlapping(let offsetDays):
            "There are two steps \(Self.englishDay(offsetDays)): only one step per day is allowed"
        case .stageGoesBack(let index):
            "Step \(index + 1) is less severe than an earlier step: without a payment the membership cannot go back to a milder stage"
        case .stateBeforeDueDate(let index):
            "Step \(index + 1) changes the stage before the due date: only reminders may come earlier"
        }
    }

    /// "el día del vencimiento", "3 días antes del vencimiento", "1 día después del vencimiento".
    private static func spanishDay(_ offset: Int) -> String {
        if offset == 0 { return "el día del vencimiento" }
        let days = abs(offset) == 1 ? "1 día" : "\(abs(offset)) días"
        return offset < 0 ? "\(days) antes del vencimiento" : "\(days) después del vencimiento"
    }

    /// "on the due date", "3 days before the due date", "1 day after the due date".
    private static func englishDay(_ offset: Int) -> String {
        if offset == 0 { return "on the due date" }
        let days = abs(offset) == 1 ? "1 day" : "\(abs(offset)) days"
        return offset < 0 ? "\(days) before the due date" : "\(days) after the due date"
    }
}

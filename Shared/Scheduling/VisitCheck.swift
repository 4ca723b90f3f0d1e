import Foundation

/// Why a requested start cannot be booked, most fundamental reason first.
public enum SlotRefusal: String, Error, Sendable, Hashable, Codable, CaseIterable {
    /// The start has passed.
    case past
    /// Sooner than the business's minimum notice.
    case tooSoon
    /// Later than the business books ahead.
    case tooFar
    /// Nobody chosen (or nobody at all) has the skill one of the services takes.
    case lacksSkill
    /// The person (or everyone qualified) does not work that date: day off, holiday.
    case dayOff
    /// Outside working hours, or across a break.
    case outsideHours
    /// Not one of the offered starts (the grid of the slot interval).
    case offGrid
    /// Free by the schedule, but someone booked it first.
    case taken
}

extension VisitPlanner {
    /// Decides one requested visit: the plan that books it, or why it cannot be booked. With
    /// `person`, only that person may do the services; otherwise anyone qualified, least busy first.
    public static func check<ID>(
        _ services: [ServiceNeeds], at start: LimaTime, person: ID?, staff: [Bookable<ID>], rules: BookingRules, now: Date
    ) -> Result<VisitPlan<ID>, SlotRefusal> {
        if let refusal = timing(start, rules: rules, now: now) { return .failure(refusal) }
        let chosen = person.map { id in staff.filter { $0.id == id } } ?? staff
        for service in services where !chosen.contains(where: { $0.skills.contains(service.skill) }) {
            return .failure(.lacksSkill)
        }
        let date = start.date
        let days = chosen.map { (person: $0, day: PersonDay($0, date: date, holidays: rules.holidays)) }
        if let found = plan(services, at: start, days: days) {
            let onGrid = days.contains { $0.day.grid(interval: rules.slotInterval).contains(start) }
            return onGrid ? .success(found) : .failure(.offGrid)
        }
        if days.allSatisfy({ $0.day.segments.isEmpty }) { return .failure(.dayOff) }
        let unbooked = chosen.map { person in
            let bare = Bookable(id: person.id, skills: person.skills, week: person.week)
            return (person: bare, day: PersonDay(bare, date: date, holidays: rules.holidays))
        }
        return .failure(plan(services, at: start, days: unbooked) == nil ? .outsideHours : .taken)
    }

    static func timing(_ start: LimaTime, rules: BookingRules, now: Date) -> SlotRefusal? {
        if start < LimaTime(now) { return .past }
        if start < rules.earliestStart(now: now) { return .tooSoon }
        if start.date > LimaDate(now).adding(days: rules.maxDaysAhead) { return .tooFar }
        return nil
    }
}

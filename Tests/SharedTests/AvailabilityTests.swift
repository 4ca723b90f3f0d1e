import Foundation
import Shared
import Testing

/// Tuesday 1 December 2026, and the day before at 08:00 (so notice rules do not interfere).
private let day = LimaDate(year: 2026, month: 12, day: 1)!
private let dayBefore = LimaTime(day.adding(days: -1), minuteOfDay: 8 * 60).instant

private func at(_ clock: String, on date: LimaDate = day) -> LimaTime {
    LimaTime(date, minuteOfDay: DayHours.Range.minute(clock)!)
}

private func span(_ from: String, _ to: String) -> TimeSpan { TimeSpan(at(from), at(to)) }

private func hours(_ open: String, _ close: String, breaks: [(String, String)] = []) -> DayHours {
    DayHours(open: .init(DayHours.Range.minute(open)!, DayHours.Range.minute(close)!),
             breaks: breaks.map { .init(DayHours.Range.minute($0.0)!, DayHours.Range.minute($0.1)!) })
}

private func person(_ id: String, _ hours: DayHours, skills: Set<String> = ["alisado"], busy: [TimeSpan] = [],
                    exceptions: [LimaDate: DayHours?] = [:]) -> Bookable<String> {
    Bookable(id: id, skills: skills, week: WorkingWeek(days: [.tuesday: hours, .wednesday: hours], exceptions: exceptions), busy: busy)
}

private func clocks(_ slots: [Slot<String>]) -> [String] { slots.map(\.start.clock) }

private func slots(
    _ service: ServiceNeeds, _ staff: [Bookable<String>], interval: Int = 30, notice: Int = 0, daysAhead: Int = 60,
    holidays: Set<LimaDate> = [], now: Date = dayBefore, through last: LimaDate = day
) -> [Slot<String>] {
    Availability.slots(for: service, from: day, through: last, staff: staff,
                       rules: BookingRules(slotInterval: interval, minimumNotice: notice, maxDaysAhead: daysAhead, holidays: holidays),
                       now: now)
}

private let alisado60 = ServiceNeeds(duration: 60, skill: "alisado")

@Suite("Availability")
struct AvailabilityTests {
    @Test func theLastSlotOfTheDayIsIncluded() {
        #expect(clocks(slots(alisado60, [person("ana", hours("09:00", "12:00"))])) == ["09:00", "09:30", "10:00", "10:30", "11:00"])
    }

    @Test func buffersBlockTheStylistBeforeAndAfter() {
        let service = ServiceNeeds(duration: 45, bufferBefore: 10, bufferAfter: 15, skill: "alisado")
        #expect(clocks(slots(service, [person("ana", hours("09:00", "12:00"))], interval: 15))
            == ["09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00"])
        // A booking 10:00–11:00 (its own buffers included): this service's buffers keep clear of it.
        let busy = person("ana", hours("09:00", "13:00"), busy: [span("10:00", "11:00")])
        #expect(clocks(slots(service, [busy], interval: 15)) == ["11:15", "11:30", "11:45", "12:00"])
    }

    @Test func breaksSplitTheDayAndTheGridRestartsAfterThem() {
        #expect(clocks(slots(alisado60, [person("ana", hours("09:00", "14:00", breaks: [("11:00", "12:00")]))]))
            == ["09:00", "09:30", "10:00", "12:00", "12:30", "13:00"])
        #expect(clocks(slots(alisado60, [person("ana", hours("09:00", "14:00", breaks: [("11:00", "12:15")]))]))
            == ["09:00", "09:30", "10:00", "12:15", "12:45"])
    }

    @Test func aBookingThatStraddlesABreak() {
        let ana = person("ana", hours("09:00", "14:00", breaks: [("11:00", "12:00")]), busy: [span("10:30", "12:30")])
        #expect(clocks(slots(ServiceNeeds(duration: 30, skill: "alisado"), [ana])) == ["09:00", "09:30", "10:00", "12:30", "13:00", "13:30"])
    }

    @Test func daysOffHolidaysAndOtherHours() {
        let week = hours("09:00", "12:00")
        #expect(slots(alisado60, [Bookable(id: "ana", skills: ["alisado"], week: WorkingWeek(days: [.monday: week]))]).isEmpty,
                "no hours on Tuesdays")
        let off: DayHours? = nil
        let dayOff = slots(alisado60, [person("ana", week, exceptions: [day: off])])
        #expect(dayOff.isEmpty, "a day off")
        #expect(slots(alisado60, [person("ana", week)], holidays: [day]).isEmpty, "a holiday")
        #expect(clocks(slots(alisado60, [person("ana", week, exceptions: [day: hours("15:00", "17:00")])])) == ["15:00", "15:30", "16:00"])
    }

    @Test func minimumNoticeAndDaysAhead() {
        let ana = person("ana", hours("09:00", "12:00"))
        #expect(clocks(slots(alisado60, [ana], notice: 60, now: at("09:40").instant)) == ["11:00"])
        let twoDays = slots(alisado60, [ana], daysAhead: 1, now: dayBefore, through: day.adding(days: 1))
        #expect(Set(twoDays.map(\.start.date)) == [day], "tomorrow is the last day open to booking")
        #expect(slots(alisado60, [ana], now: at("08:00", on: day.adding(days: 1)).instant).isEmpty, "nothing in the past")
    }

    /// "Any stylist": the union of who has the skill, each start with who can take it, the least
    /// busy that day first.
    @Test func severalStylistsAndAnyStylist() {
        let staff = [
            person("ana", hours("09:00", "12:00")),
            person("bea", hours("10:00", "13:00"), busy: [span("10:00", "11:00")]),
            person("carla", hours("09:00", "13:00"), skills: ["manicure"]),
        ]
        let found = slots(alisado60, staff, interval: 60)
        #expect(found.map { "\($0.start.clock) \($0.staff.joined(separator: ","))" } == ["09:00 ana", "10:00 ana", "11:00 ana,bea", "12:00 bea"])
        let busyAna = [person("ana", hours("09:00", "12:00"), busy: [span("09:00", "11:00")]), person("bea", hours("09:00", "12:00"))]
        let eleven = slots(alisado60, busyAna, interval: 60).first { $0.start.clock == "11:00" }
        #expect(eleven?.staff == ["bea", "ana"])
    }

    /// Lima has no daylight saving: 09:00 is 14:00 UTC in March and in July alike.
    @Test(arguments: [LimaDate(year: 2026, month: 3, day: 29)!, LimaDate(year: 2026, month: 7, day: 15)!])
    func limaTimeHasNoDaylightSaving(date: LimaDate) {
        let formatter = ISO8601DateFormatter()
        #expect(formatter.string(from: at("09:00", on: date).instant) == "\(date.iso)T14:00:00Z")
        #expect(LimaTime(at("09:00", on: date).instant) == at("09:00", on: date))
    }

    @Test func badSchedulesAreRefused() {
        #expect(throws: ScheduleError.endBeforeStart) { try hours("18:00", "09:00").validate() }
        #expect(throws: ScheduleError.breakOutsideHours) { try hours("09:00", "13:00", breaks: [("12:30", "14:00")]).validate() }
        #expect(throws: ScheduleError.breakEndBeforeStart) { try hours("09:00", "13:00", breaks: [("12:00", "11:00")]).validate() }
        #expect(throws: ScheduleError.overlappingBreaks) {
            try hours("09:00", "18:00", breaks: [("12:00", "13:00"), ("12:30", "13:30")]).validate()
        }
        #expect(throws: Never.self) { try hours("09:00", "18:00", breaks: [("13:00", "14:00")]).validate() }
        #expect(DayHours.Range.minute("24:30") == nil && DayHours.Range.minute("9:5") == nil && DayHours.Range.minute("07:45") == 465)
    }

    /// Corte then tinte in one visit: one stylist for both when one can, else one each.
    @Test func severalServicesInOneVisit() {
        let corte = ServiceNeeds(duration: 30, skill: "corte")
        let tinte = ServiceNeeds(duration: 60, bufferAfter: 15, skill: "tinte")
        func describe(_ plans: [VisitPlan<String>]) -> [String] {
            plans.map { plan in "\(plan.start.clock) " + plan.items.map { "\($0.staff)@\($0.start.clock)" }.joined(separator: "+") }
        }
        let rules = BookingRules(slotInterval: 30)
        let free = [person("ana", hours("09:00", "11:30"), skills: ["corte", "tinte"]), person("bea", hours("09:00", "11:30"), skills: ["tinte"])]
        #expect(describe(VisitPlanner.plans(for: [corte, tinte], from: day, through: day, staff: free, rules: rules, now: dayBefore))
            == ["09:00 ana@09:00+ana@09:30", "09:30 ana@09:30+ana@10:00"])
        let split = [person("ana", hours("09:00", "11:00"), skills: ["corte", "tinte"], busy: [span("10:00", "11:00")]),
                     person("bea", hours("09:00", "11:00"), skills: ["tinte"])]
        #expect(describe(VisitPlanner.plans(for: [corte, tinte], from: day, through: day, staff: split, rules: rules, now: dayBefore))
            == ["09:00 ana@09:00+bea@09:30"])
    }

    @Test func aRequestedStartIsBookedOrRefusedWithItsReason() {
        let rules = BookingRules(slotInterval: 30, minimumNotice: 120, maxDaysAhead: 10)
        let staff = [person("ana", hours("09:00", "13:00", breaks: [("11:00", "12:00")]), busy: [span("09:00", "10:00")]),
                     person("bea", hours("09:00", "10:00"), skills: ["corte"])]
        func check(_ clock: String, on date: LimaDate = day, person: String? = nil, services: [ServiceNeeds] = [alisado60],
                   now: Date = dayBefore) -> String {
            switch VisitPlanner.check(services, at: at(clock, on: date), person: person, staff: staff, rules: rules, now: now) {
            case .success(let plan): plan.items.map { "\($0.staff)@\($0.start.clock)" }.joined(separator: "+")
            case .failure(let refusal): refusal.rawValue
            }
        }
        #expect(check("10:00") == "ana@10:00")
        #expect(check("10:00", person: "ana") == "ana@10:00")
        #expect(check("09:00") == "taken")
        #expect(check("10:30") == "outsideHours")  // would run into the break
        #expect(check("10:15", services: [ServiceNeeds(duration: 30, skill: "alisado")]) == "offGrid")
        #expect(check("12:00") == "ana@12:00")
        #expect(check("10:00", person: "bea") == "lacksSkill")
        #expect(check("10:00", services: [ServiceNeeds(duration: 30, skill: "nano")]) == "lacksSkill")
        #expect(check("10:00", on: day.adding(days: 5)) == "dayOff")  // a Sunday
        #expect(check("10:00", on: day.adding(days: 11)) == "tooFar")
        #expect(check("10:00", now: at("09:00").instant) == "tooSoon")
        #expect(check("10:00", now: at("10:30").instant) == "past")
        let corte = ServiceNeeds(duration: 30, skill: "corte")
        #expect(check("09:00", services: [corte, alisado60]) == "taken")
        #expect(check("09:30", services: [corte, alisado60]) == "bea@09:30+ana@10:00")
        #expect(check("10:00", services: [corte, alisado60]) == "outsideHours")  // bea has gone home by then
    }
}

import Foundation

/// What a service needs from a person's time: its length, the set-up before and clean-up after
/// (which block the person but not the client), and the skill it takes.
public struct ServiceNeeds: Sendable, Hashable {
    public let duration: Int
    public let bufferBefore: Int
    public let bufferAfter: Int
    public let skill: String

    public init(duration: Int, bufferBefore: Int = 0, bufferAfter: Int = 0, skill: String) {
        self.duration = duration
        self.bufferBefore = bufferBefore
        self.bufferAfter = bufferAfter
        self.skill = skill
    }

    /// The person's time a service starting at `start` takes.
    public func occupied(from start: LimaTime) -> TimeSpan {
        TimeSpan(start.adding(minutes: -bufferBefore), start.adding(minutes: duration + bufferAfter))
    }
}

/// One person who can be booked: their skills, their week, and what is booked already (each
/// booking's occupied span, buffers included).
public struct Bookable<ID: Hashable & Comparable & Sendable>: Sendable {
    public let id: ID
    public let skills: Set<String>
    public let week: WorkingWeek
    public let busy: [TimeSpan]

    public init(id: ID, skills: Set<String>, week: WorkingWeek, busy: [TimeSpan] = []) {
        self.id = id
        self.skills = skills
        self.week = week
        self.busy = busy
    }
}

/// The business's booking rules.
public struct BookingRules: Sendable, Hashable {
    /// Candidate starts are this many minutes apart, from the start of each working stretch.
    public let slotInterval: Int
    /// No start sooner than this many minutes from now.
    public let minimumNotice: Int
    /// No date later than today plus this many days.
    public let maxDaysAhead: Int
    public let holidays: Set<LimaDate>

    public init(slotInterval: Int, minimumNotice: Int = 0, maxDaysAhead: Int = 60, holidays: Set<LimaDate> = []) {
        precondition(slotInterval > 0, "the slot interval must be positive")
        self.slotInterval = slotInterval
        self.minimumNotice = minimumNotice
        self.maxDaysAhead = maxDaysAhead
        self.holidays = holidays
    }

    /// The dates of `first...last` open to booking at `now`: not past, not beyond the days ahead.
    func dates(from first: LimaDate, through last: LimaDate, now: Date) -> [LimaDate] {
        let today = LimaDate(now)
        let lastAllowed = min(last, today.adding(days: maxDaysAhead))
        var dates: [LimaDate] = []
        var date = max(first, today)
        while date <= lastAllowed {
            dates.append(date)
            date = date.adding(days: 1)
        }
        return dates
    }

    func earliestStart(now: Date) -> LimaTime { LimaTime(now).adding(minutes: minimumNotice) }
}

/// A start time and who can take it, least busy that day first.
public struct Slot<ID: Hashable & Comparable & Sendable>: Sendable, Hashable {
    public let start: LimaTime
    public let staff: [ID]
}

/// Free slots from working weeks, breaks, days off, holidays and existing bookings. Pure: the
/// caller loads the people and their bookings, this decides.
///
/// A start `t` is offered to a person when `[t − before, t + duration + after)` lies inside one
/// of their free stretches (working hours less breaks less bookings), `t` sits on the
/// interval grid counted from the start of the working stretch it falls in, `t` is at least
/// the minimum notice away and its date within the days ahead.
public enum Availability {
    public static func slots<ID>(
        for service: ServiceNeeds, from first: LimaDate, through last: LimaDate, staff: [Bookable<ID>], rules: BookingRules,
        now: Date
    ) -> [Slot<ID>] {
        let qualified = staff.filter { $0.skills.contains(service.skill) }
        return rules.dates(from: first, through: last, now: now).flatMap { date in
            day(date, service: service, staff: qualified, rules: rules, earliest: rules.earliestStart(now: now))
        }
    }

    static func day<ID>(
        _ date: LimaDate, service: ServiceNeeds, staff: [Bookable<ID>], rules: BookingRules, earliest: LimaTime
    ) -> [Slot<ID>] {
        var takers: [LimaTime: [(busy: Int, id: ID)]] = [:]
        for person in staff {
            let schedule = PersonDay(person, date: date, holidays: rules.holidays)
            for start in schedule.starts(for: service, interval: rules.slotInterval) where start >= earliest {
                takers[start, default: []].append((schedule.busyMinutes, person.id))
            }
        }
        return takers.keys.sorted().map { start in
            Slot(start: start, staff: takers[start]!.sorted { ($0.busy, $0.id) < ($1.busy, $1.id) }.map(\.id))
        }
    }
}

/// One person's day: their working stretches, and what is free of them.
struct PersonDay<ID: Hashable & Comparable & Sendable> {
    let segments: [TimeSpan]
    let free: [TimeSpan]
    /// Booked minutes within the working stretches, to offer the least busy person first.
    let busyMinutes: Int

    init(_ person: Bookable<ID>, date: LimaDate, holidays: Set<LimaDate>) {
        segments = person.week.segments(on: date, holidays: holidays)
        let dayStart = LimaTime(date, minuteOfDay: 0)
        let window = TimeSpan(dayStart.adding(minutes: -1440), dayStart.adding(minutes: 2 * 1440))
        let busy = person.busy.filter { $0.overlaps(window) }
        free = TimeSpans.subtracting(busy, from: segments)
        busyMinutes = segments.reduce(0) { $0 + $1.minutes } - free.reduce(0) { $0 + $1.minutes }
    }

    /// Candidate starts: every `interval` minutes from the start of each working stretch.
    func grid(interval: Int) -> [LimaTime] {
        segments.flatMap { segment in
            stride(from: segment.start.minutes, to: segment.end.minutes, by: interval).map(LimaTime.init(minutes:))
        }
    }

    func starts(for service: ServiceNeeds, interval: Int) -> [LimaTime] {
        grid(interval: interval).filter { isFree(service.occupied(from: $0)) }
    }

    func isFree(_ span: TimeSpan) -> Bool { TimeSpans.covers(free, span) }
}

/// One day's working hours, in minutes of the day, with breaks inside them.
public struct DayHours: Sendable, Hashable, Codable {
    public struct Range: Sendable, Hashable, Codable {
        public let start: Int
        public let end: Int

        public init(_ start: Int, _ end: Int) {
            self.start = start
            self.end = end
        }

        /// "09:00" to minutes of the day; nil unless HH:MM within 00:00–24:00.
        public static func minute(_ text: String) -> Int? {
            let parts = text.split(separator: ":")
            guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
                  let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...24).contains(hours), (0..<60).contains(minutes),
                  hours * 60 + minutes <= 1440 else { return nil }
            return hours * 60 + minutes
        }
    }

    public let open: Range
    public let breaks: [Range]

    public init(open: Range, breaks: [Range] = []) {
        self.open = open
        self.breaks = breaks
    }

    /// Refuses an end before (or at) the start, and breaks that are empty or stick out of the hours.
    public func validate() throws(ScheduleError) {
        guard (0...1440).contains(open.start), (0...1440).contains(open.end) else { throw .outOfDay }
        guard open.end > open.start else { throw .endBeforeStart }
        for pause in breaks {
            guard pause.end > pause.start else { throw .breakEndBeforeStart }
            guard pause.start >= open.start, pause.end <= open.end else { throw .breakOutsideHours }
        }
        let sorted = breaks.sorted { $0.start < $1.start }
        for (first, second) in zip(sorted, sorted.dropFirst()) where second.start < first.end { throw .overlappingBreaks }
    }

    /// The working stretches of `date`: the hours less the breaks.
    func segments(on date: LimaDate) -> [TimeSpan] {
        let day = LimaTime(date, minuteOfDay: 0)
        let whole = TimeSpan(day.adding(minutes: open.start), day.adding(minutes: open.end))
        let pauses = breaks.map { TimeSpan(day.adding(minutes: $0.start), day.adding(minutes: $0.end)) }
        return TimeSpans.subtracting(pauses, from: [whole])
    }
}

public enum ScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    case outOfDay, endBeforeStart, breakEndBeforeStart, breakOutsideHours, overlappingBreaks

    public var description: String {
        switch self {
        case .outOfDay: "hours must lie between 00:00 and 24:00"
        case .endBeforeStart: "the end must be after the start"
        case .breakEndBeforeStart: "a break must end after it starts"
        case .breakOutsideHours: "a break must lie inside the working hours"
        case .overlappingBreaks: "breaks must not overlap"
        }
    }
}

/// A person's week (days absent are days off) and the dates that differ from it.
public struct WorkingWeek: Sendable, Hashable {
    public var days: [Weekday: DayHours]
    /// Dates with other hours than the week's; nil hours is a day off.
    public var exceptions: [LimaDate: DayHours?]

    public init(days: [Weekday: DayHours], exceptions: [LimaDate: DayHours?] = [:]) {
        self.days = days
        self.exceptions = exceptions
    }

    /// The working stretches of `date`, holidays being days off.
    func segments(on date: LimaDate, holidays: Set<LimaDate>) -> [TimeSpan] {
        if holidays.contains(date) { return [] }
        let hours: DayHours? = if let exception = exceptions[date] { exception } else { days[date.weekday] }
        return hours?.segments(on: date) ?? []
    }
}

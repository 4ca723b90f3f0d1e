import Foundation

/// When a recurring job runs: a classic five-field cron expression evaluated
/// on Lima wall-clock time, whatever the server's own time zone is.
///
/// Day-of-month and day-of-week follow Vixie cron: when both are restricted a
/// day matches if either does (`0 9 1 * mon` runs on the 1st and on every
/// Monday). A field that starts with `*`, even `*/2`, counts as unrestricted,
/// and then both must match.
///
/// Two schedules are equal when their parsed fields are, so `@daily` equals
/// `0 0 * * *` and `sun` equals `7`.
public struct CronSchedule: Sendable, Hashable, CustomStringConvertible {
    /// The expression as parsed: lowercased, fields separated by one space.
    public let expression: String
    private let fields: Fields

    /// Five fields "minute hour day-of-month month day-of-week", evaluated in America/Lima.
    /// Supports `*`, lists `1,15`, ranges `1-5`, steps `*/15` and `8-18/2`, day-of-week 0-7 (0 and 7 = Sunday),
    /// three-letter names for months (jan..dec) and weekdays (sun..sat), case-insensitive,
    /// and the shorthands @hourly, @daily (= @midnight), @weekly, @monthly, @yearly (= @annually).
    public init(_ expression: String) throws(ParseError) {
        let normalized = expression.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        self.fields = try Fields(parsing: Self.expandingShorthand(normalized))
        self.expression = normalized
    }

    /// Every day at `hour:minute` Lima time.
    public static func daily(hour: Int, minute: Int = 0) -> CronSchedule {
        precondition((0...23).contains(hour) && (0...59).contains(minute), "No such time \(hour):\(minute)")
        return try! CronSchedule("\(minute) \(hour) * * *")
    }

    /// `*/minutes`: at every minute of the hour divisible by `minutes`. The
    /// count restarts each hour, so a step that does not divide 60 (e.g. 7)
    /// leaves a shorter gap before minute 0.
    public static func every(minutes: Int) -> CronSchedule {
        precondition((1...59).contains(minutes), "every(minutes:) needs 1...59, got \(minutes)")
        return try! CronSchedule("*/\(minutes) * * * *")
    }

    public var description: String { expression }

    public static func == (lhs: CronSchedule, rhs: CronSchedule) -> Bool {
        lhs.fields == rhs.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields)
    }

    private static let shorthands: [String: String] = [
        "@hourly": "0 * * * *",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
        "@weekly": "0 0 * * 0",
        "@monthly": "0 0 1 * *",
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
    ]

    private static func expandingShorthand(_ text: String) throws(ParseError) -> String {
        guard !text.isEmpty else { throw .empty }
        guard text.hasPrefix("@") else { return text }
        guard let fields = shorthands[text] else { throw .unknownShorthand(text) }
        return fields
    }
}

// MARK: - Errors

extension CronSchedule {
    /// Why an expression was rejected; every field-level case names the field.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        /// The expression is empty or only whitespace.
        case empty
        /// Not five whitespace-separated fields; carries how many there were.
        case wrongFieldCount(Int)
        /// An `@` word other than the supported shorthands.
        case unknownShorthand(String)
        /// Text that is neither a number nor a name valid for the field.
        case invalidValue(field: Field, text: String)
        /// A number outside the field's range.
        case outOfRange(field: Field, value: Int, range: ClosedRange<Int>)
        /// A range whose start is after its end, such as `5-1`.
        case invertedRange(field: Field, lower: Int, upper: Int)
        /// A step that is zero, not a number, or not after `*` or a range.
        case invalidStep(field: Field, text: String)

        /// One of the five fields, named as in crontab(5).
        public enum Field: String, Sendable, CaseIterable {
            case minute, hour, dayOfMonth = "day-of-month", month, dayOfWeek = "day-of-week"
        }

        public var description: String {
            switch self {
            case .empty: "empty cron expression"
            case .wrongFieldCount(let count):
                "expected 5 fields (minute hour day-of-month month day-of-week), got \(count)"
            case .unknownShorthand(let text):
                "unknown shorthand \(text); use @hourly, @daily, @midnight, @weekly, @monthly, @yearly or @annually"
            case .invalidValue(let field, let text):
                text.isEmpty ? "\(field.rawValue): empty list item" : "\(field.rawValue): \"\(text)\" is not a valid value"
            case .outOfRange(let field, let value, let range):
                "\(field.rawValue): \(value) is out of range \(range.lowerBound)-\(range.upperBound)"
            case .invertedRange(let field, let lower, let upper):
                "\(field.rawValue): range \(lower)-\(upper) runs backwards"
            case .invalidStep(let field, let text):
                "\(field.rawValue): \"\(text)\" needs a step of at least 1 after * or a range"
            }
        }
    }
}

// MARK: - Next fire time

extension CronSchedule {
    /// The first fire time strictly after `date` (seconds truncated: fire times are at second 0).
    ///
    /// Returns `Date.distantFuture` for a schedule that never fires, such as
    /// `0 0 30 2 *`.
    public func next(after date: Date) -> Date {
        var day = LimaDate(date)
        let clock = LimaCalendar.calendar.dateComponents([.hour, .minute], from: date)
        var earliest = WallTime(hour: clock.hour ?? 0, minute: (clock.minute ?? 0) + 1)
        // The Gregorian calendar, weekdays included, repeats every 400 years:
        // a schedule that has not fired within one cycle never will.
        let horizon = day.adding(months: 400 * 12)
        while day <= horizon {
            guard fields.canMatch(inMonthOf: day) else {
                (day, earliest) = (day.firstOfNextMonth, .midnight)
                continue
            }
            if fields.matches(day), let time = fields.firstTime(from: earliest) {
                let fire = Self.instant(day, time)
                if fire > date { return fire }
                // Reached only where clocks go back: that wall time has passed.
                earliest = WallTime(hour: time.hour, minute: time.minute + 1)
                continue
            }
            (day, earliest) = (day.adding(days: 1), .midnight)
        }
        return .distantFuture
    }

    private static func instant(_ day: LimaDate, _ time: WallTime) -> Date {
        let parts = DateComponents(year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute)
        if let instant = LimaCalendar.calendar.date(from: parts) { return instant }
        // Unreachable for valid Gregorian dates; a fixed offset keeps it total.
        return day.startOfDay.addingTimeInterval(TimeInterval(time.hour * 3_600 + time.minute * 60))
    }
}

/// Hour and minute on a Lima wall clock; `minute` may run one past 59 while
/// searching, which simply matches nothing in that hour.
private struct WallTime {
    var hour: Int
    var minute: Int

    static let midnight = WallTime(hour: 0, minute: 0)
}

extension LimaDate {
    fileprivate var firstOfNextMonth: LimaDate {
        // Going to day 1 first keeps `adding(months:)` from clamping.
        adding(days: 1 - day).adding(months: 1)
    }
}

// MARK: - Parsed fields

/// The five fields as sets, the form `next(after:)` and equality work on.
private struct Fields: Hashable, Sendable {
    let minutes: ValueSet
    let hours: ValueSet
    let daysOfMonth: ValueSet
    let months: ValueSet
    /// 0 = Sunday … 6 = Saturday; a parsed 7 is stored as 0.
    let weekdays: ValueSet
    /// Vixie's rule: both day fields are restricted, so either may match.
    let eitherDayMatches: Bool

    typealias Field = CronSchedule.ParseError.Field

    init(parsing text: String) throws(CronSchedule.ParseError) {
        let parts = text.split(separator: " ")
        guard parts.count == 5 else { throw .wrongFieldCount(parts.count) }
        minutes = try Field.minute.parse(parts[0])
        hours = try Field.hour.parse(parts[1])
        daysOfMonth = try Field.dayOfMonth.parse(parts[2])
        months = try Field.month.parse(parts[3])
        weekdays = try Field.dayOfWeek.parse(parts[4])
        eitherDayMatches = !parts[2].hasPrefix("*") && !parts[4].hasPrefix("*")
    }

    /// Whether any day of `day`'s month can match, so impossible months such
    /// as February for `0 0 30 2 *` are skipped whole.
    func canMatch(inMonthOf day: LimaDate) -> Bool {
        guard months.contains(day.month) else { return false }
        // Every month has every weekday, so under the either-rule any month will do.
        return eitherDayMatches || daysOfMonth.minimum <= LimaDate.daysIn(month: day.month, year: day.year)
    }

    func matches(_ day: LimaDate) -> Bool {
        let dayOfMonth = daysOfMonth.contains(day.day)
        let dayOfWeek = weekdays.contains(day.weekday.rawValue - 1)
        return eitherDayMatches ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek
    }

    /// The first matching time of day at or after `earliest`, if any.
    func firstTime(from earliest: WallTime) -> WallTime? {
        if hours.contains(earliest.hour), let minute = minutes.next(from: earliest.minute) {
            return WallTime(hour: earliest.hour, minute: minute)
        }
        guard let hour = hours.next(from: earliest.hour + 1) else { return nil }
        return WallTime(hour: hour, minute: minutes.minimum)
    }
}

// MARK: - Field parsing

extension CronSchedule.ParseError.Field {
    fileprivate var range: ClosedRange<Int> {
        switch self {
        case .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    /// Names in value order from the field's lowest value.
    private var names: [String] {
        switch self {
        case .month: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        case .dayOfWeek: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        default: []
        }
    }

    /// Parses one field such as `1-5`, `*/15` or `jan,jul`.
    fileprivate func parse(_ text: Substring) throws(CronSchedule.ParseError) -> ValueSet {
        var set = ValueSet()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            set.formUnion(try parseItem(item))
        }
        return self == .dayOfWeek ? set.foldingSevenToZero() : set
    }

    private func parseItem(_ item: Substring) throws(CronSchedule.ParseError) -> ValueSet {
        let parts = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let (bounds, isSpan) = try parseBounds(parts[0])
        guard parts.count == 2 else { return ValueSet(bounds, step: 1) }
        // Vixie cron rejects "5/15" too: a step needs something to step through.
        guard isSpan, let step = Self.number(parts[1]), step > 0 else {
            throw .invalidStep(field: self, text: String(item))
        }
        return ValueSet(bounds, step: step)
    }

    private func parseBounds(_ text: Substring) throws(CronSchedule.ParseError) -> (ClosedRange<Int>, isSpan: Bool) {
        if text == "*" { return (range, true) }
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count <= 2, !ends.contains(where: \.isEmpty) else {
            throw .invalidValue(field: self, text: String(text))
        }
        let lower = try value(ends[0])
        let upper = try value(ends[ends.count - 1])
        guard lower <= upper else { throw .invertedRange(field: self, lower: lower, upper: upper) }
        return (lower...upper, ends.count == 2)
    }

    private func value(_ text: Substring) throws(CronSchedule.ParseError) -> Int {
        if let index = names.firstIndex(of: String(text)) { return range.lowerBound + index }
        guard let number = Self.number(text) else { throw .invalidValue(field: self, text: String(text)) }
        guard range.contains(number) else { throw .outOfRange(field: self, value: number, range: range) }
        return number
    }

    /// Plain ASCII digits only: `Int("+5")` would accept a sign.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text)
    }
}

// MARK: - Value sets

/// A set of small non-negative integers (all cron values are below 64) as a
/// bit mask, so membership and "next value at or after" are single instructions.
private struct ValueSet: Hashable, Sendable {
    private var bits: UInt64 = 0

    init() {}

    init(_ range: ClosedRange<Int>, step: Int) {
        for value in stride(from: range.lowerBound, through: range.upperBound, by: step) {
            bits |= 1 << UInt64(value)
        }
    }

    func contains(_ value: Int) -> Bool {
        (0..<64).contains(value) && bits & (1 << UInt64(value)) != 0
    }

    /// The smallest member at or after `value`, if any.
    func next(from value: Int) -> Int? {
        guard value < 64 else { return nil }
        let candidates = bits & (UInt64.max << UInt64(max(value, 0)))
        return candidates == 0 ? nil : candidates.trailingZeroBitCount
    }

    /// The smallest member; parsing never produces an empty set.
    var minimum: Int { bits.trailingZeroBitCount }

    mutating func formUnion(_ other: ValueSet) {
        bits |= other.bits
    }

    /// Day-of-week 7 is another name for Sunday (0).
    func foldingSevenToZero() -> ValueSet {
        guard contains(7) else { return self }
        var folded = self
        folded.bits &= ~(1 << 7)
        folded.bits |= 1
        return folded
    }
}

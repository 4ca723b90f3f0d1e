import Foundation

/// A calendar date in Peru (day, month, year) with no time of day.
///
/// Invoices, due dates and billing cycles are dates, not instants: an invoice
/// issued at 22:00 in Lima belongs to that Lima day even though it is already
/// the next day in UTC. Arithmetic here is pure proleptic Gregorian calendar
/// math, independent of the server's time zone.
public struct LimaDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Year, 1...9999.
    public let year: Int
    /// Month, 1...12.
    public let month: Int
    /// Day of the month, 1...28/29/30/31.
    public let day: Int

    /// Creates a date, or `nil` if it does not exist (e.g. 29/02/2026).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// The date in Lima at the given instant.
    public init(_ instant: Date) {
        let parts = LimaCalendar.calendar.dateComponents([.year, .month, .day], from: instant)
        // Year, month and day are always present when requested explicitly.
        self.init(unchecked: parts.year!, parts.month!, parts.day!)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Chronological order.
    public static func < (lhs: LimaDate, rhs: LimaDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

// MARK: - Arithmetic

extension LimaDate {
    /// The date `days` days later (earlier if negative).
    public func adding(days: Int) -> LimaDate {
        LimaDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The date `months` months later (earlier if negative), with the day
    /// clamped to the end of a shorter month: 31/01 + 1 month = 28/02 or 29/02.
    public func adding(months: Int) -> LimaDate {
        let monthIndex = year * 12 + (month - 1) + months
        let newYear = Self.floorDiv(monthIndex, 12)
        let newMonth = monthIndex - newYear * 12 + 1
        let newDay = min(day, Self.daysIn(month: newMonth, year: newYear))
        return LimaDate(unchecked: newYear, newMonth, newDay)
    }

    /// Whole days from this date to `other`; negative if `other` is earlier.
    public func daysUntil(_ other: LimaDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// Day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (raw value 5).
        let offset = (daysSinceEpoch + 4) - Self.floorDiv(daysSinceEpoch + 4, 7) * 7
        return Weekday(rawValue: offset + 1)!
    }

    /// The instant of 00:00 on this date in Lima.
    public var startOfDay: Date {
        let parts = DateComponents(year: year, month: month, day: day)
        if let instant = LimaCalendar.calendar.date(from: parts) { return instant }
        // Unreachable for valid Gregorian dates; fixed UTC-5 keeps it total.
        return Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch * 86_400 + 5 * 3_600))
    }

    /// Number of days in `month` of `year`, honouring leap years.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Integer division rounding toward negative infinity, so month and
    /// day arithmetic works the same before and after the epoch.
    static func floorDiv(_ dividend: Int, _ divisor: Int) -> Int {
        let quotient = dividend / divisor
        let inexact = dividend % divisor != 0
        return inexact && (dividend < 0) != (divisor < 0) ? quotient - 1 : quotient
    }
}

// MARK: - Day numbers

extension LimaDate {
    /// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's
    /// `days_from_civil`; O(1) and exact, unlike stepping through a Calendar.
    var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = Self.floorDiv(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let marchBasedMonth = (month + 9) % 12
        let dayOfYear = (153 * marchBasedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Inverse of `daysSinceEpoch` (Hinnant's `civil_from_days`).
    init(daysSinceEpoch: Int) {
        let shifted = daysSinceEpoch + 719_468
        let era = Self.floorDiv(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchBasedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchBasedMonth + 2) / 5 + 1
        let month = marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(unchecked: year, month, day)
    }
}

// MARK: - Text

extension LimaDate {
    /// Peruvian display form, "dd/mm/yyyy", e.g. "05/01/2026".
    public var formatted: String {
        "\(LimaCalendar.twoDigits(day))/\(LimaCalendar.twoDigits(month))/\(paddedYear)"
    }

    /// ISO 8601 form, "yyyy-mm-dd", e.g. "2026-01-05".
    public var iso: String {
        "\(paddedYear)-\(LimaCalendar.twoDigits(month))-\(LimaCalendar.twoDigits(day))"
    }

    /// The ISO form: unambiguous in logs, unlike dd/mm vs mm/dd.
    public var description: String { iso }

    private var paddedYear: String {
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Parses "dd/mm/yyyy" (day and month may have one digit, as people type
    /// them) or ISO "yyyy-mm-dd"; `nil` for malformed or nonexistent dates.
    public static func parse(_ text: String) -> LimaDate? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let parts = numbers(in: trimmed, separator: "/", widths: [1...2, 1...2, 4...4]) {
            return LimaDate(year: parts[2], month: parts[1], day: parts[0])
        }
        if let parts = numbers(in: trimmed, separator: "-", widths: [4...4, 2...2, 2...2]) {
            return LimaDate(year: parts[0], month: parts[1], day: parts[2])
        }
        return nil
    }

    /// Splits `text` into ASCII-digit fields whose lengths fit `widths`.
    private static func numbers(in text: String, separator: Character, widths: [ClosedRange<Int>]) -> [Int]? {
        let fields = text.split(separator: separator, omittingEmptySubsequences: false)
        guard fields.count == widths.count else { return nil }
        var result: [Int] = []
        for (field, width) in zip(fields, widths) {
            guard width.contains(field.count), field.allSatisfy(\.isASCIIDigit),
                  let value = Int(field) else { return nil }
            result.append(value)
        }
        return result
    }
}

// MARK: - Codable

extension LimaDate {
    /// Decodes from an ISO "yyyy-mm-dd" string, rejecting invalid dates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = Self.numbers(in: text, separator: "-", widths: [4...4, 2...2, 2...2])
        guard let parts, let date = LimaDate(year: parts[0], month: parts[1], day: parts[2]) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Invalid date \(text)")
        }
        self = date
    }

    /// Encodes as an ISO "yyyy-mm-dd" string, the form databases and
    /// JavaScript clients read without time zone surprises.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension LimaDate {
    /// Days since 1970-01-01: Lima dates as integers the database can compare and subtract.
    public var dayNumber: Int { daysSinceEpoch }

    public init(dayNumber: Int) {
        self.init(daysSinceEpoch: dayNumber)
    }
}

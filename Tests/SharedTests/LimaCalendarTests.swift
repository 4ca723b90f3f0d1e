import Foundation
import Shared
import Testing

@Suite("Lima calendar and dates")
struct LimaCalendarTests {
    static func instant(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso)!
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LimaDate {
        LimaDate(year: year, month: month, day: day)!
    }

    @Test func usesLimaTimeZone() {
        #expect(LimaCalendar.timeZone.secondsFromGMT(for: Self.instant("2026-07-01T12:00:00Z")) == -5 * 3_600)
        #expect(LimaCalendar.timeZone.secondsFromGMT(for: Self.instant("2026-01-01T12:00:00Z")) == -5 * 3_600)
        #expect(LimaCalendar.calendar.timeZone == LimaCalendar.timeZone)
        #expect(LimaCalendar.calendar.identifier == .gregorian)
        #expect(LimaCalendar.calendar.locale?.identifier == "es_PE")
    }

    @Test(arguments: [
        ("2026-01-01T03:00:00Z", date(2025, 12, 31)),
        ("2026-01-01T04:59:59Z", date(2025, 12, 31)),
        ("2026-01-01T05:00:00Z", date(2026, 1, 1)),
        ("2026-01-02T04:59:59Z", date(2026, 1, 1)),
        ("2028-03-01T02:00:00Z", date(2028, 2, 29)),
    ])
    func convertsInstantsToLimaDates(iso: String, expected: LimaDate) {
        #expect(LimaDate(Self.instant(iso)) == expected)
        #expect(LimaCalendar.today(now: Self.instant(iso)) == expected)
    }

    @Test(arguments: [
        (date(2026, 1, 1), "2026-01-01T05:00:00Z"),
        (date(2028, 2, 29), "2028-02-29T05:00:00Z"),
        (date(1999, 12, 31), "1999-12-31T05:00:00Z"),
    ])
    func startsDaysAtLimaMidnight(date: LimaDate, iso: String) {
        #expect(date.startOfDay == Self.instant(iso))
    }

    @Test(arguments: [
        ("2026-01-01T03:30:00Z", "31/12/2025 22:30"),
        ("2026-01-05T14:07:00Z", "05/01/2026 09:07"),
        ("2026-01-01T05:00:59Z", "01/01/2026 00:00"),
    ])
    func formatsLimaWallClock(iso: String, expected: String) {
        #expect(LimaCalendar.formatDateTime(Self.instant(iso)) == expected)
    }

    @Test(arguments: [
        (2026, 1, 5, "05/01/2026", "2026-01-05"),
        (2025, 12, 31, "31/12/2025", "2025-12-31"),
        (2028, 2, 29, "29/02/2028", "2028-02-29"),
        (33, 7, 1, "01/07/0033", "0033-07-01"),
    ])
    func formatsDates(year: Int, month: Int, day: Int, display: String, iso: String) {
        let date = Self.date(year, month, day)
        #expect(date.formatted == display)
        #expect(date.iso == iso)
        #expect(date.description == iso)
        #expect(LimaDate.parse(display) == date)
        #expect(LimaDate.parse(iso) == date)
    }

    @Test(arguments: [
        (2026, 2, 29), (2026, 13, 1), (2026, 0, 10), (2026, 4, 31),
        (2026, 1, 0), (0, 1, 1), (10_000, 1, 1), (1900, 2, 29),
    ])
    func rejectsNonexistentDates(year: Int, month: Int, day: Int) {
        #expect(LimaDate(year: year, month: month, day: day) == nil)
    }

    @Test(arguments: [
        ("5/1/2026", date(2026, 1, 5)), (" 31/12/2025 ", date(2025, 12, 31)), ("2000-02-29", date(2000, 2, 29)),
    ])
    func parsesLenientInput(text: String, expected: LimaDate) {
        #expect(LimaDate.parse(text) == expected)
    }

    @Test(arguments: [
        "", "31/02/2026", "29/02/2026", "2026-13-01", "2026-1-5", "05-01-2026", "2026/01/05",
        "aa/bb/cccc", "05/01/26", "005/01/2026", "05/01/2026 10:00", "2026-01-05T00:00:00Z", "+5/01/2026",
    ])
    func rejectsMalformedText(text: String) {
        #expect(LimaDate.parse(text) == nil)
    }

    @Test(arguments: [
        (date(2028, 2, 28), 1, date(2028, 2, 29)),
        (date(2028, 2, 28), 2, date(2028, 3, 1)),
        (date(2026, 2, 28), 1, date(2026, 3, 1)),
        (date(2025, 12, 31), 1, date(2026, 1, 1)),
        (date(2026, 1, 1), -1, date(2025, 12, 31)),
        (date(2026, 1, 1), 365, date(2027, 1, 1)),
        (date(1970, 1, 1), -1, date(1969, 12, 31)),
        (date(2026, 1, 1), 0, date(2026, 1, 1)),
    ])
    func addsDays(start: LimaDate, days: Int, expected: LimaDate) {
        #expect(start.adding(days: days) == expected)
        #expect(start.daysUntil(expected) == days)
        #expect(expected.daysUntil(start) == -days)
    }

    @Test func countsDaysAcrossYears() {
        #expect(Self.date(2026, 1, 1).daysUntil(Self.date(2027, 1, 1)) == 365)
        #expect(Self.date(2028, 1, 1).daysUntil(Self.date(2029, 1, 1)) == 366)
        #expect(Self.date(1970, 1, 1).daysUntil(Self.date(2026, 1, 1)) == 20_454)
    }

    @Test(arguments: [
        (date(2026, 1, 1), Weekday.thursday),
        (date(2026, 1, 5), .monday),
        (date(2000, 1, 1), .saturday),
        (date(1969, 12, 31), .wednesday),
        (date(2028, 2, 29), .tuesday),
    ])
    func knowsTheWeekday(date: LimaDate, weekday: Weekday) {
        #expect(date.weekday == weekday)
    }

    @Test func namesWeekdays() {
        #expect(Weekday.wednesday.displayName == "miércoles")
        #expect(Weekday.saturday.displayNameEn == "Saturday")
        #expect(Weekday.sunday.rawValue == 1)
    }

    @Test func agreesWithFoundationOverTwoCenturies() {
        var date = Self.date(1900, 1, 1)
        let calendar = LimaCalendar.calendar
        while date.year < 2100 {
            let start = date.startOfDay
            #expect(LimaDate(start) == date)
            #expect(LimaDate(start.addingTimeInterval(86_399)) == date)
            #expect(calendar.component(.weekday, from: start) == date.weekday.rawValue)
            date = date.adding(days: 37)
        }
    }

    @Test func ordersChronologically() {
        let dates = [Self.date(2026, 2, 1), Self.date(2025, 12, 31), Self.date(2026, 1, 31)]
        #expect(dates.sorted() == [Self.date(2025, 12, 31), Self.date(2026, 1, 31), Self.date(2026, 2, 1)])
    }

    @Test func codesAsISOString() throws {
        let json = try JSONEncoder().encode([Self.date(2026, 1, 5)])
        #expect(String(decoding: json, as: UTF8.self) == #"["2026-01-05"]"#)
        #expect(try JSONDecoder().decode([LimaDate].self, from: json) == [Self.date(2026, 1, 5)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LimaDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LimaDate].self, from: Data(#"["05/01/2026"]"#.utf8))
        }
    }

    @Test func addsMonthsClampingToMonthEnd() {
        #expect(Self.date(2026, 3, 31).adding(months: -1) == Self.date(2026, 2, 28))
        #expect(Self.date(2026, 5, 31).adding(months: 1) == Self.date(2026, 6, 30))
        #expect(Self.date(2026, 1, 15).adding(months: -13) == Self.date(2024, 12, 15))
    }
}

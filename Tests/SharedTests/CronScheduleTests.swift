import Foundation
import Shared
import Testing

@Suite("Cron schedules")
struct CronScheduleTests {
    typealias ParseError = CronSchedule.ParseError

    /// A Lima wall-clock time, built through the calendar so expectations do
    /// not depend on the offset the code under test might assume.
    static func lima(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0,
                     _ second: Double = 0) -> Date {
        let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        return LimaCalendar.calendar.date(from: parts)!.addingTimeInterval(second)
    }

    static func instant(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso)!
    }

    static func next(_ expression: String, after date: Date) throws -> Date {
        try CronSchedule(expression).next(after: date)
    }

    /// The first `count` fire times after `date`, each found from the previous one.
    static func fireTimes(_ schedule: CronSchedule, after date: Date, count: Int) -> [Date] {
        var times: [Date] = []
        var cursor = date
        for _ in 0..<count {
            cursor = schedule.next(after: cursor)
            times.append(cursor)
        }
        return times
    }

    // MARK: Parsing

    @Test func normalizesTheExpressionText() throws {
        let schedule = try CronSchedule("  0\t8  * *   MON-FRI ")
        #expect(schedule.expression == "0 8 * * mon-fri")
        #expect(schedule.description == "0 8 * * mon-fri")
        #expect(try CronSchedule("@Daily").expression == "@daily")
    }

    @Test(arguments: [
        ("", ParseError.empty),
        (" \t ", .empty),
        ("* * * *", .wrongFieldCount(4)),
        ("* * * * * *", .wrongFieldCount(6)),
        ("daily", .wrongFieldCount(1)),
        ("@reboot", .unknownShorthand("@reboot")),
        ("@daily 5", .unknownShorthand("@daily 5")),
    ])
    func rejectsMalformedExpressions(expression: String, error: ParseError) {
        #expect(throws: error) { try CronSchedule(expression) }
    }

    @Test(arguments: [
        ("60 * * * *", ParseError.outOfRange(field: .minute, value: 60, range: 0...59)),
        ("* 24 * * *", .outOfRange(field: .hour, value: 24, range: 0...23)),
        ("* * 0 * *", .outOfRange(field: .dayOfMonth, value: 0, range: 1...31)),
        ("* * 32 * *", .outOfRange(field: .dayOfMonth, value: 32, range: 1...31)),
        ("* * * 13 *", .outOfRange(field: .month, value: 13, range: 1...12)),
        ("* * * 0 *", .outOfRange(field: .month, value: 0, range: 1...12)),
        ("* * * * 8", .outOfRange(field: .dayOfWeek, value: 8, range: 0...7)),
        ("1,2,70 * * * *", .outOfRange(field: .minute, value: 70, range: 0...59)),
    ])
    func rejectsOutOfRangeValues(expression: String, error: ParseError) {
        #expect(throws: error) { try CronSchedule(expression) }
    }

    @Test(arguments: [
        ("x * * * *", ParseError.invalidValue(field: .minute, text: "x")),
        ("+5 * * * *", .invalidValue(field: .minute, text: "+5")),
        ("-1 * * * *", .invalidValue(field: .minute, text: "-1")),
        ("1,,2 * * * *", .invalidValue(field: .minute, text: "")),
        ("* mon * * *", .invalidValue(field: .hour, text: "mon")),
        ("* * jan * *", .invalidValue(field: .dayOfMonth, text: "jan")),
        ("* * * 1-2-3 *", .invalidValue(field: .month, text: "1-2-3")),
        ("* * * jan-foo *", .invalidValue(field: .month, text: "foo")),
        ("* * * * jan", .invalidValue(field: .dayOfWeek, text: "jan")),
        ("* * * * monday", .invalidValue(field: .dayOfWeek, text: "monday")),
        ("99999999999999999999 * * * *", .invalidValue(field: .minute, text: "99999999999999999999")),
    ])
    func rejectsUnknownValues(expression: String, error: ParseError) {
        #expect(throws: error) { try CronSchedule(expression) }
    }

    @Test(arguments: [
        ("5-1 * * * *", ParseError.invertedRange(field: .minute, lower: 5, upper: 1)),
        ("* 18-8 * * *", .invertedRange(field: .hour, lower: 18, upper: 8)),
        ("* * * dec-jan *", .invertedRange(field: .month, lower: 12, upper: 1)),
        ("* * * * fri-mon", .invertedRange(field: .dayOfWeek, lower: 5, upper: 1)),
        ("*/0 * * * *", .invalidStep(field: .minute, text: "*/0")),
        ("* 8-18/0 * * *", .invalidStep(field: .hour, text: "8-18/0")),
        ("5/15 * * * *", .invalidStep(field: .minute, text: "5/15")),
        ("* * */x * *", .invalidStep(field: .dayOfMonth, text: "*/x")),
        ("* * * */ *", .invalidStep(field: .month, text: "*/")),
        ("* * * * */1/2", .invalidStep(field: .dayOfWeek, text: "*/1/2")),
    ])
    func rejectsBadRangesAndSteps(expression: String, error: ParseError) {
        #expect(throws: error) { try CronSchedule(expression) }
    }

    @Test(arguments: [
        (ParseError.outOfRange(field: .hour, value: 25, range: 0...23), "hour: 25 is out of range 0-23"),
        (.invertedRange(field: .dayOfMonth, lower: 5, upper: 1), "day-of-month: range 5-1 runs backwards"),
        (.invalidValue(field: .dayOfWeek, text: "funday"), "day-of-week: \"funday\" is not a valid value"),
        (.invalidStep(field: .minute, text: "*/0"), "minute: \"*/0\" needs a step of at least 1 after * or a range"),
        (.wrongFieldCount(3), "expected 5 fields (minute hour day-of-month month day-of-week), got 3"),
        (.empty, "empty cron expression"),
    ])
    func explainsErrorsNamingTheField(error: ParseError, message: String) {
        #expect(error.description == message)
    }

    @Test(arguments: [
        ("@hourly", "0 * * * *"),
        ("@daily", "0 0 * * *"),
        ("@midnight", "0 0 * * *"),
        ("@weekly", "0 0 * * 0"),
        ("@monthly", "0 0 1 * *"),
        ("@yearly", "0 0 1 1 *"),
        ("@annually", "0 0 1 1 *"),
        ("@ANNUALLY", "0 0 1 1 *"),
    ])
    func expandsShorthands(shorthand: String, fields: String) throws {
        #expect(try CronSchedule(shorthand) == CronSchedule(fields))
    }

    @Test func comparesParsedFieldsNotSpelling() throws {
        #expect(try CronSchedule("0 9 * * sun") == CronSchedule("0 9 * * 7"))
        #expect(try CronSchedule("0 9 * * 0") == CronSchedule("0 9 * * 7"))
        #expect(try CronSchedule("0 9 * * MON-FRI") == CronSchedule("0 9 * * 1-5"))
        #expect(try CronSchedule("0 0 1 jan,Jul *") == CronSchedule("0 0 1 1,7 *"))
        #expect(try CronSchedule("0-59/20 * * * *") == CronSchedule("0,20,40 * * * *"))
        #expect(try CronSchedule("0 8 * * *") != CronSchedule("0 9 * * *"))
        // Same sets, different day rule: 13th or Friday versus 13th-and-Friday.
        #expect(try CronSchedule("0 0 13 * 5") != CronSchedule("0 0 */13 * 5"))
        let set: Set = try [CronSchedule("@daily"), CronSchedule("0 0 * * *"), CronSchedule("00 00 * * *")]
        #expect(set.count == 1)
    }

    // MARK: Factories

    @Test func everyMinutesEqualsTheStepForm() throws {
        #expect(try CronSchedule.every(minutes: 15) == CronSchedule("*/15 * * * *"))
        #expect(try CronSchedule.every(minutes: 15) == CronSchedule("0,15,30,45 * * * *"))
        #expect(CronSchedule.every(minutes: 15).expression == "*/15 * * * *")
        #expect(try CronSchedule.every(minutes: 1) == CronSchedule("* * * * *"))
        // The count restarts each hour: after :56 comes :00, not :03.
        #expect(CronSchedule.every(minutes: 7).next(after: Self.lima(2026, 1, 5, 10, 56)) == Self.lima(2026, 1, 5, 11, 0))
    }

    @Test func dailyEqualsTheParsedForm() throws {
        #expect(try CronSchedule.daily(hour: 8) == CronSchedule("0 8 * * *"))
        #expect(try CronSchedule.daily(hour: 23, minute: 30) == CronSchedule("30 23 * * *"))
        #expect(CronSchedule.daily(hour: 23, minute: 30).expression == "30 23 * * *")
        #expect(try CronSchedule.daily(hour: 0) == CronSchedule("@daily"))
    }

    // MARK: Next fire time

    @Test func firesDailyAtEightLimaTime() throws {
        let schedule = try CronSchedule("0 8 * * *")
        #expect(schedule.next(after: Self.lima(2026, 3, 10, 7, 59)) == Self.lima(2026, 3, 10, 8, 0))
        #expect(schedule.next(after: Self.lima(2026, 3, 10, 7, 59, 59.9)) == Self.lima(2026, 3, 10, 8, 0))
        #expect(schedule.next(after: Self.lima(2026, 3, 10, 8, 0)) == Self.lima(2026, 3, 11, 8, 0))
        #expect(schedule.next(after: Self.lima(2026, 3, 10, 8, 0, 30)) == Self.lima(2026, 3, 11, 8, 0))
        // 08:00 in Lima is 13:00 UTC, whatever the server's time zone.
        #expect(schedule.next(after: Self.instant("2026-03-10T12:00:00Z")) == Self.instant("2026-03-10T13:00:00Z"))
        #expect(schedule.next(after: Self.instant("2026-03-10T13:00:00Z")) == Self.instant("2026-03-11T13:00:00Z"))
    }

    @Test func firesAtLimaMidnightForDaily() throws {
        let schedule = try CronSchedule("@daily")
        #expect(schedule.next(after: Self.lima(2026, 12, 31, 23, 59, 59)) == Self.lima(2027, 1, 1))
        #expect(schedule.next(after: Self.lima(2027, 1, 1)) == Self.lima(2027, 1, 2))
        // 04:59 UTC on 1 January is still 31 December in Lima.
        #expect(schedule.next(after: Self.instant("2027-01-01T04:59:00Z")) == Self.instant("2027-01-01T05:00:00Z"))
    }

    @Test func truncatesSecondsAndFiresStrictlyAfter() throws {
        let schedule = try CronSchedule("* * * * *")
        #expect(schedule.next(after: Self.lima(2026, 1, 5, 10, 15)) == Self.lima(2026, 1, 5, 10, 16))
        #expect(schedule.next(after: Self.lima(2026, 1, 5, 10, 15, 30)) == Self.lima(2026, 1, 5, 10, 16))
        #expect(schedule.next(after: Self.lima(2026, 1, 5, 23, 59, 1)) == Self.lima(2026, 1, 6))
    }

    @Test func stepsEveryFifteenMinutes() throws {
        let schedule = try CronSchedule("*/15 * * * *")
        #expect(schedule.next(after: Self.lima(2026, 1, 5, 10, 7)) == Self.lima(2026, 1, 5, 10, 15))
        #expect(schedule.next(after: Self.lima(2026, 1, 5, 10, 45)) == Self.lima(2026, 1, 5, 11, 0))
        #expect(Self.fireTimes(schedule, after: Self.lima(2026, 1, 31, 23, 40), count: 3) == [
            Self.lima(2026, 1, 31, 23, 45), Self.lima(2026, 2, 1, 0, 0), Self.lima(2026, 2, 1, 0, 15),
        ])
    }

    @Test func stepsThroughARange() throws {
        let schedule = try CronSchedule("30 8-18/4 * * *")
        #expect(Self.fireTimes(schedule, after: Self.lima(2026, 1, 5, 9, 0), count: 4) == [
            Self.lima(2026, 1, 5, 12, 30), Self.lima(2026, 1, 5, 16, 30),
            Self.lima(2026, 1, 6, 8, 30), Self.lima(2026, 1, 6, 12, 30),
        ])
    }

    @Test func understandsWeekdayNamesAndSevenAsSunday() throws {
        // 9 January 2026 is a Friday.
        let weekdays = try CronSchedule("0 9 * * Mon-Fri")
        #expect(weekdays.next(after: Self.lima(2026, 1, 9, 10, 0)) == Self.lima(2026, 1, 12, 9, 0))
        #expect(weekdays.next(after: Self.lima(2026, 1, 9, 8, 0)) == Self.lima(2026, 1, 9, 9, 0))
        let weekend = try CronSchedule("0 9 * * 6-7")
        #expect(Self.fireTimes(weekend, after: Self.lima(2026, 1, 9), count: 3) == [
            Self.lima(2026, 1, 10, 9, 0), Self.lima(2026, 1, 11, 9, 0), Self.lima(2026, 1, 17, 9, 0),
        ])
    }

    @Test func skipsToAMatchingMonth() throws {
        let schedule = try CronSchedule("0 0 1 jan,jul *")
        #expect(schedule.next(after: Self.lima(2026, 2, 1)) == Self.lima(2026, 7, 1))
        #expect(schedule.next(after: Self.lima(2026, 7, 1)) == Self.lima(2027, 1, 1))
    }

    @Test func matchesEitherDayWhenBothDayFieldsAreRestricted() throws {
        // The 13th or any Friday; 13 January 2026 is a Tuesday.
        let schedule = try CronSchedule("0 0 13 * fri")
        #expect(Self.fireTimes(schedule, after: Self.lima(2026, 1, 10), count: 4) == [
            Self.lima(2026, 1, 13), Self.lima(2026, 1, 16), Self.lima(2026, 1, 23), Self.lima(2026, 1, 30),
        ])
        #expect(schedule.next(after: Self.lima(2026, 1, 30)) == Self.lima(2026, 2, 6))
        // There is no 30 February, but February Mondays still match.
        let februaryMondays = try CronSchedule("0 0 30 feb mon")
        #expect(februaryMondays.next(after: Self.lima(2026, 1, 1)) == Self.lima(2026, 2, 2))
    }

    @Test func matchesBothDayFieldsWhenOneIsUnrestricted() throws {
        let thirteenth = try CronSchedule("0 0 13 * *")
        #expect(thirteenth.next(after: Self.lima(2026, 1, 13)) == Self.lima(2026, 2, 13))
        let fridays = try CronSchedule("0 0 * * 5")
        #expect(fridays.next(after: Self.lima(2026, 1, 10)) == Self.lima(2026, 1, 16))
        // Like Vixie cron, "*/2" counts as unrestricted: odd days that are Mondays
        // (5 and 19 January 2026), not odd days or Mondays.
        let oddMondays = try CronSchedule("0 0 */2 * mon")
        #expect(Self.fireTimes(oddMondays, after: Self.lima(2026, 1, 1), count: 2) == [
            Self.lima(2026, 1, 5), Self.lima(2026, 1, 19),
        ])
    }

    @Test func skipsMonthsWithoutThe31st() throws {
        let schedule = try CronSchedule("0 0 31 * *")
        let months = Self.fireTimes(schedule, after: Self.lima(2025, 12, 31), count: 7).map {
            LimaCalendar.calendar.dateComponents([.year, .month, .day], from: $0)
        }
        #expect(months.map(\.month) == [1, 3, 5, 7, 8, 10, 12])
        #expect(months.allSatisfy { $0.day == 31 && $0.year == 2026 })
    }

    @Test func waitsForLeapDays() throws {
        let schedule = try CronSchedule("0 12 29 feb *")
        #expect(schedule.next(after: Self.lima(2024, 2, 29, 12, 0)) == Self.lima(2028, 2, 29, 12, 0))
        #expect(schedule.next(after: Self.lima(2026, 6, 1)) == Self.lima(2028, 2, 29, 12, 0))
        // 2100 is not a leap year, so the wait is eight years.
        #expect(schedule.next(after: Self.lima(2096, 3, 1)) == Self.lima(2104, 2, 29, 12, 0))
    }

    @Test(arguments: ["0 0 30 2 *", "0 0 31 feb,apr,jun,sep,nov *", "* * 30,31 2 *"])
    func givesUpQuicklyOnImpossibleSchedules(expression: String) throws {
        // The search is bounded (no wall-clock check here: a loaded CI machine would make one
        // flaky); an unbounded search would never return and the suite would time out.
        let schedule = try CronSchedule(expression)
        #expect(schedule.next(after: Self.lima(2026, 1, 1)) == .distantFuture)
    }

    @Test func crossesYearEnd() throws {
        let schedule = try CronSchedule("@yearly")
        #expect(schedule.next(after: Self.lima(2026, 12, 31, 23, 59)) == Self.lima(2027, 1, 1))
        #expect(schedule.next(after: Self.lima(2026, 12, 31, 23, 59)) == Self.instant("2027-01-01T05:00:00Z"))
    }

    /// The three schedules of `agreesWithMinuteByMinuteSearch`, written as
    /// plain predicates over Lima components.
    static func referenceMatch(_ expression: String, _ c: DateComponents) -> Bool {
        switch expression {
        case "*/20 9-17 * * mon-fri":
            c.minute! % 20 == 0 && (9...17).contains(c.hour!) && (2...6).contains(c.weekday!)
        case "45 23 1,15 * wed":
            c.minute == 45 && c.hour == 23 && ([1, 15].contains(c.day!) || c.weekday == 4)
        case "0 */6 * jan,mar 0":
            c.minute == 0 && c.hour! % 6 == 0 && [1, 3].contains(c.month!) && c.weekday == 1
        default:
            preconditionFailure("No reference predicate for \(expression)")
        }
    }

    /// Compares the skipping search with the obvious minute-by-minute one.
    @Test(arguments: ["*/20 9-17 * * mon-fri", "45 23 1,15 * wed", "0 */6 * jan,mar 0"])
    func agreesWithMinuteByMinuteSearch(expression: String) throws {
        let schedule = try CronSchedule(expression)
        var expected: [Date] = []
        var minute = Self.lima(2026, 1, 27, 13, 8)
        while expected.count < 12 {
            let parts = LimaCalendar.calendar.dateComponents([.month, .day, .weekday, .hour, .minute], from: minute)
            if Self.referenceMatch(expression, parts) { expected.append(minute) }
            minute += 60
        }
        #expect(Self.fireTimes(schedule, after: Self.lima(2026, 1, 27, 13, 7, 42), count: 12) == expected)
    }
}

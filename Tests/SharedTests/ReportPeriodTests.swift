import Shared
import Testing

@Suite("Report periods, comparisons and buckets")
struct ReportPeriodTests {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> LimaDate {
        LimaDate(year: year, month: month, day: day)!
    }

    static func range(_ from: LimaDate, _ to: LimaDate) -> LimaDateRange {
        LimaDateRange(from: from, to: to)
    }

    // MARK: Presets

    @Test(arguments: [
        // 31 March: this month against 1–28 February (2026 is not a leap year)…
        (ReportPeriod.thisMonth, date(2026, 3, 31), range(date(2026, 3, 1), date(2026, 3, 31)),
         range(date(2026, 2, 1), date(2026, 2, 28))),
        // …and against 1–29 February in a leap year.
        (.thisMonth, date(2028, 3, 31), range(date(2028, 3, 1), date(2028, 3, 31)),
         range(date(2028, 2, 1), date(2028, 2, 29))),
        (.thisMonth, date(2026, 11, 21), range(date(2026, 11, 1), date(2026, 11, 21)),
         range(date(2026, 10, 1), date(2026, 10, 21))),
        (.thisMonth, date(2026, 1, 1), range(date(2026, 1, 1), date(2026, 1, 1)),
         range(date(2025, 12, 1), date(2025, 12, 1))),
        // Last month on 31 March is February; in January it is December of last year.
        (.lastMonth, date(2026, 3, 31), range(date(2026, 2, 1), date(2026, 2, 28)),
         range(date(2026, 1, 1), date(2026, 1, 31))),
        (.lastMonth, date(2026, 1, 15), range(date(2025, 12, 1), date(2025, 12, 31)),
         range(date(2025, 11, 1), date(2025, 11, 30))),
        (.lastMonth, date(2028, 3, 1), range(date(2028, 2, 1), date(2028, 2, 29)),
         range(date(2028, 1, 1), date(2028, 1, 31))),
        // This year on 1 January is one day, compared with 1 January of last year.
        (.thisYear, date(2026, 1, 1), range(date(2026, 1, 1), date(2026, 1, 1)),
         range(date(2025, 1, 1), date(2025, 1, 1))),
        (.thisYear, date(2028, 2, 29), range(date(2028, 1, 1), date(2028, 2, 29)),
         range(date(2027, 1, 1), date(2027, 2, 28))),
        (.thisYear, date(2028, 12, 31), range(date(2028, 1, 1), date(2028, 12, 31)),
         range(date(2027, 1, 1), date(2027, 12, 31))),
        (.today, date(2026, 1, 1), range(date(2026, 1, 1), date(2026, 1, 1)),
         range(date(2025, 12, 31), date(2025, 12, 31))),
        (.today, date(2028, 3, 1), range(date(2028, 3, 1), date(2028, 3, 1)),
         range(date(2028, 2, 29), date(2028, 2, 29))),
    ])
    func resolvesPresetsAndWhatTheyCompareWith(
        period: ReportPeriod, today: LimaDate, expected: LimaDateRange, previous: LimaDateRange
    ) {
        #expect(period.range(today: today) == expected)
        #expect(period.previousRange(today: today) == previous)
    }

    @Test(arguments: [
        // Monday 02/11/2026: the week so far is that day alone.
        (date(2026, 11, 2), date(2026, 11, 2), date(2026, 10, 26), date(2026, 10, 26)),
        // Sunday 08/11/2026: the whole week, Monday to Sunday.
        (date(2026, 11, 8), date(2026, 11, 2), date(2026, 10, 26), date(2026, 11, 1)),
        // Thursday 01/01/2026: the week began in the previous year.
        (date(2026, 1, 1), date(2025, 12, 29), date(2025, 12, 22), date(2025, 12, 25)),
    ])
    func thisWeekRunsFromMondayToToday(today: LimaDate, monday: LimaDate, previousFrom: LimaDate, previousTo: LimaDate) {
        #expect(ReportPeriod.thisWeek.range(today: today) == LimaDateRange(from: monday, to: today))
        #expect(ReportPeriod.thisWeek.previousRange(today: today) == LimaDateRange(from: previousFrom, to: previousTo))
    }

    @Test func customComparesWithTheSameNumberOfDaysJustBefore() {
        let period = ReportPeriod.custom(from: Self.date(2026, 3, 1), to: Self.date(2026, 3, 10))
        let today = Self.date(2026, 11, 21)
        #expect(period.range(today: today).dayCount == 10)
        #expect(period.previousRange(today: today) == Self.range(Self.date(2026, 2, 19), Self.date(2026, 2, 28)))
        let oneDay = ReportPeriod.custom(from: Self.date(2028, 3, 1), to: Self.date(2028, 3, 1))
        #expect(oneDay.previousRange(today: today) == Self.range(Self.date(2028, 2, 29), Self.date(2028, 2, 29)))
    }

    @Test func customDatesInTheWrongOrderAreSwapped() {
        let period = ReportPeriod.custom(from: Self.date(2026, 3, 10), to: Self.date(2026, 3, 1))
        #expect(period.range(today: Self.date(2026, 11, 21)) == Self.range(Self.date(2026, 3, 1), Self.date(2026, 3, 10)))
        #expect(LimaDateRange(from: Self.date(2026, 3, 10), to: Self.date(2026, 3, 1)).from == Self.date(2026, 3, 1))
    }

    @Test func presetsNeverReachIntoTheFuture() {
        let today = Self.date(2026, 11, 21)
        for period in ReportPeriod.presets {
            #expect(period.range(today: today).to <= today)
            #expect(period.previousRange(today: today).to < period.range(today: today).from)
        }
    }

    @Test func namesAndTitles() {
        let today = Self.date(2026, 11, 21)
        #expect(ReportPeriod.presets.map(\.queryValue) == ["today", "week", "month", "last-month", "year"])
        #expect(ReportPeriod.thisMonth.title(today: today) == "Este mes · 01/11/2026 – 21/11/2026")
        #expect(ReportPeriod.thisMonth.titleEn(today: today) == "This month · 01/11/2026 – 21/11/2026")
        #expect(ReportPeriod.today.title(today: today) == "Hoy · 21/11/2026")
        #expect(ReportPeriod.lastMonth.displayNameEn == "Last month")
        let custom = ReportPeriod.custom(from: Self.date(2026, 11, 1), to: Self.date(2026, 11, 21))
        #expect(custom.queryValue == nil)
        #expect(custom.title(today: today) == "01/11/2026 – 21/11/2026")
        #expect(custom.titleEn(today: today) == "01/11/2026 – 21/11/2026")
    }

    // MARK: Parsing

    @Test(arguments: [
        ("today", ReportPeriod.today), ("week", .thisWeek), ("month", .thisMonth),
        ("last-month", .lastMonth), ("year", .thisYear), (" YEAR ", .thisYear),
    ])
    func parsesPresetNames(name: String, expected: ReportPeriod) throws {
        #expect(try ReportPeriod.parse(preset: name, from: nil, to: nil) == expected)
    }

    @Test func parsesDatesInBothForms() throws {
        let expected = ReportPeriod.custom(from: Self.date(2026, 11, 1), to: Self.date(2026, 11, 21))
        #expect(try ReportPeriod.parse(preset: nil, from: "2026-11-01", to: "2026-11-21") == expected)
        #expect(try ReportPeriod.parse(preset: nil, from: "01/11/2026", to: "21/11/2026") == expected)
        #expect(try ReportPeriod.parse(preset: nil, from: "1/11/2026", to: " 2026-11-21 ") == expected)
        // Typed dates win over the preset menu the same form sends.
        #expect(try ReportPeriod.parse(preset: "year", from: "2026-11-01", to: "2026-11-21") == expected)
        let oneDay = ReportPeriod.custom(from: Self.date(2028, 2, 29), to: Self.date(2028, 2, 29))
        #expect(try ReportPeriod.parse(preset: nil, from: "29/02/2028", to: "29/02/2028") == oneDay)
    }

    @Test func nothingGivenFallsBack() throws {
        #expect(try ReportPeriod.parse(preset: nil, from: nil, to: nil) == .thisMonth)
        #expect(try ReportPeriod.parse(preset: "", from: "", to: "  ") == .thisMonth)
        #expect(try ReportPeriod.parse(preset: nil, from: nil, to: nil, fallback: .today) == .today)
    }

    @Test(arguments: [
        (String?("quarter"), String?.none, String?.none, ReportPeriodError.unknownPreset("quarter")),
        ("custom", nil, nil, .unknownPreset("custom")),
        (nil, "2026-11-01", nil, .missingTo),
        (nil, "", "2026-11-01", .missingFrom),
        (nil, "2026-02-30", "2026-03-01", .invalidFrom),
        (nil, "29/02/2026", "01/03/2026", .invalidFrom),
        (nil, "2026-11-01", "21-11-2026", .invalidTo),
        (nil, "2026-11-01", "2026-11-01T00:00", .invalidTo),
        (nil, "2026-11-21", "2026-11-01", .fromAfterTo),
        (nil, "01/01/2025", "02/01/2026", .tooLong(days: 367)),
    ])
    func rejectsBadQueries(preset: String?, from: String?, to: String?, expected: ReportPeriodError) {
        #expect(throws: expected) { try ReportPeriod.parse(preset: preset, from: from, to: to) }
    }

    @Test func acceptsAFullLeapYear() throws {
        let period = try ReportPeriod.parse(preset: nil, from: "2028-01-01", to: "2028-12-31")
        #expect(period.range(today: Self.date(2029, 1, 1)).dayCount == ReportPeriod.maximumDays)
    }

    @Test func errorsSpeakBothLanguages() {
        let errors: [ReportPeriodError] = [
            .unknownPreset("x"), .missingFrom, .missingTo, .invalidFrom, .invalidTo, .fromAfterTo, .tooLong(days: 400),
        ]
        for error in errors {
            #expect(!error.message.isEmpty && !error.messageEn.isEmpty && error.message != error.messageEn)
        }
        #expect(ReportPeriodError.tooLong(days: 400).message.contains("366"))
        #expect(ReportPeriodError.tooLong(days: 400).messageEn.contains("400"))
        #expect(ReportPeriodError.invalidFrom.message.contains("dd/mm/aaaa"))
        let long = ReportPeriodError.unknownPreset(String(repeating: "a", count: 500))
        #expect(long.message.count < 60)
    }

    // MARK: Buckets

    @Test func splitsIntoDays() {
        let buckets = Self.range(Self.date(2026, 11, 1), Self.date(2026, 11, 3)).buckets(.day)
        #expect(buckets.map(\.label) == ["dom 01/11", "lun 02/11", "mar 03/11"])
        #expect(buckets.map(\.labelEn) == ["Sun 01/11", "Mon 02/11", "Tue 03/11"])
        #expect(buckets.allSatisfy { $0.range.dayCount == 1 && $0.grain == .day })
        let november = LimaDateRange.month(containing: Self.date(2026, 11, 21))
        #expect(november.buckets(.day).count == 30)
    }

    @Test func splitsIntoISOWeeksClippedToTheRange() {
        // Wednesday 28/10/2026 to Wednesday 18/11/2026: a partial week, two whole ones, a partial one.
        let range = Self.range(Self.date(2026, 10, 28), Self.date(2026, 11, 18))
        let buckets = range.buckets(.week)
        #expect(buckets.map(\.range) == [
            Self.range(Self.date(2026, 10, 28), Self.date(2026, 11, 1)),
            Self.range(Self.date(2026, 11, 2), Self.date(2026, 11, 8)),
            Self.range(Self.date(2026, 11, 9), Self.date(2026, 11, 15)),
            Self.range(Self.date(2026, 11, 16), Self.date(2026, 11, 18)),
        ])
        #expect(buckets.map(\.label) == ["sem 44", "sem 45", "sem 46", "sem 47"])
        #expect(buckets.map(\.labelEn) == ["wk 44", "wk 45", "wk 46", "wk 47"])
        #expect(buckets.map(\.range.dayCount).reduce(0, +) == range.dayCount)
    }

    @Test(arguments: [
        (date(2026, 1, 1), 1),   // Thursday: week 1 of 2026
        (date(2025, 12, 29), 1), // Monday of that same week, still in 2025
        (date(2027, 1, 1), 53),  // Friday: the last week of 2026, which has 53
        (date(2021, 1, 3), 53),  // Sunday: week 53 of 2020
        (date(2024, 12, 30), 1),
    ])
    func numbersWeeksTheISOWay(day: LimaDate, week: Int) {
        #expect(Self.range(day, day).buckets(.week).first?.label == "sem \(week)")
    }

    @Test func splitsIntoCalendarMonths() {
        let range = Self.range(Self.date(2025, 11, 15), Self.date(2026, 3, 31))
        let buckets = range.buckets(.month)
        #expect(buckets.map(\.label) == ["nov 2025", "dic 2025", "ene 2026", "feb 2026", "mar 2026"])
        #expect(buckets.map(\.labelEn) == ["Nov 2025", "Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026"])
        #expect(buckets.first?.range == Self.range(Self.date(2025, 11, 15), Self.date(2025, 11, 30)))
        #expect(buckets[3].range.dayCount == 28)
        let september = LimaDateRange.month(containing: Self.date(2026, 9, 9)).buckets(.month)
        #expect(september.map(\.label) == ["set 2026"])
        #expect(september.map(\.labelEn) == ["Sep 2026"])
    }

    @Test func aYearHasTwelveMonthsAndFiftyThreeWeekBuckets() {
        let year = ReportPeriod.thisYear.range(today: Self.date(2026, 12, 31))
        #expect(year.buckets(.month).count == 12)
        // 2026 starts on a Thursday: 01–04/01 are the end of ISO week 1, 28–31/12 start week 53.
        #expect(year.buckets(.week).count == 53)
        #expect(year.buckets(.day).count == 365)
    }

    @Test(arguments: [(1, ReportGrain.day), (31, .day), (32, .week), (120, .week), (121, .month), (366, .month)])
    func choosesTheNaturalGrain(days: Int, grain: ReportGrain) {
        #expect(ReportGrain.natural(forDays: days) == grain)
        let start = Self.date(2026, 1, 1)
        #expect(Self.range(start, start.adding(days: days - 1)).naturalGrain == grain)
    }

    @Test func findsTheBucketOfADate() {
        let buckets = Self.range(Self.date(2026, 10, 28), Self.date(2026, 11, 18)).buckets(.week)
        #expect(buckets.index(containing: Self.date(2026, 10, 28)) == 0)
        #expect(buckets.index(containing: Self.date(2026, 11, 8)) == 1)
        #expect(buckets.index(containing: Self.date(2026, 11, 18)) == 3)
        #expect(buckets.index(containing: Self.date(2026, 11, 19)) == nil)
        #expect(buckets.index(containing: Self.date(2026, 10, 27)) == nil)
        #expect([ReportBucket]().index(containing: Self.date(2026, 10, 27)) == nil)
    }

    @Test func rangeTitles() {
        #expect(Self.range(Self.date(2026, 11, 1), Self.date(2026, 11, 21)).title == "01/11/2026 – 21/11/2026")
        #expect(Self.range(Self.date(2026, 11, 21), Self.date(2026, 11, 21)).title == "21/11/2026")
    }
}

import Foundation
import Shared
import Testing

@Suite("Billing period")
struct BillingPeriodTests {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> LimaDate {
        LimaDate(year: year, month: month, day: day)!
    }

    @Test(arguments: [
        (BillingPeriod.monthly, 1, "mensual", "Mensual", "Monthly"),
        (.quarterly, 3, "trimestral", "Trimestral", "Quarterly"),
        (.semiannual, 6, "semestral", "Semestral", "Semiannual"),
        (.annual, 12, "anual", "Anual", "Annual"),
    ])
    func describesEachPeriod(period: BillingPeriod, months: Int, raw: String, spanish: String, english: String) {
        #expect(period.months == months)
        #expect(period.rawValue == raw)
        #expect(BillingPeriod(rawValue: raw) == period)
        #expect(period.displayName == spanish)
        #expect(period.displayNameEn == english)
    }

    @Test func listsAllPeriodsInOrder() {
        #expect(BillingPeriod.allCases == [.monthly, .quarterly, .semiannual, .annual])
    }

    @Test(arguments: [
        (BillingPeriod.monthly, date(2026, 1, 31), date(2026, 2, 28)),
        (.monthly, date(2028, 1, 31), date(2028, 2, 29)),
        (.monthly, date(2026, 1, 15), date(2026, 2, 15)),
        (.monthly, date(2026, 12, 15), date(2027, 1, 15)),
        (.monthly, date(2026, 3, 31), date(2026, 4, 30)),
        (.quarterly, date(2025, 11, 30), date(2026, 2, 28)),
        (.quarterly, date(2027, 11, 30), date(2028, 2, 29)),
        (.semiannual, date(2025, 8, 31), date(2026, 2, 28)),
        (.semiannual, date(2027, 8, 31), date(2028, 2, 29)),
        (.annual, date(2028, 2, 29), date(2029, 2, 28)),
        (.annual, date(2026, 6, 1), date(2027, 6, 1)),
    ])
    func advancesOnePeriodClampingTheDay(period: BillingPeriod, from: LimaDate, to: LimaDate) {
        #expect(period.advance(from) == to)
    }

    @Test(arguments: [
        (BillingPeriod.monthly, 0, date(2026, 1, 31)),
        (.monthly, 1, date(2026, 2, 28)),
        (.monthly, 2, date(2026, 3, 31)),
        (.monthly, 3, date(2026, 4, 30)),
        (.monthly, 12, date(2027, 1, 31)),
        (.monthly, 25, date(2028, 2, 29)),
        (.monthly, -1, date(2025, 12, 31)),
        (.quarterly, 4, date(2027, 1, 31)),
        (.semiannual, 1, date(2026, 7, 31)),
        (.annual, 2, date(2028, 1, 31)),
    ])
    func advancesFromTheAnchor(period: BillingPeriod, times: Int, expected: LimaDate) {
        #expect(period.advance(Self.date(2026, 1, 31), times: times) == expected)
    }

    @Test func anchorDiffersFromChaining() {
        let signup = Self.date(2026, 1, 31)
        let chained = BillingPeriod.monthly.advance(BillingPeriod.monthly.advance(signup))
        #expect(chained == Self.date(2026, 3, 28))
        #expect(BillingPeriod.monthly.advance(signup, times: 2) == Self.date(2026, 3, 31))
    }

    @Test func codesAsSpanishRawValue() throws {
        let json = try JSONEncoder().encode([BillingPeriod.semiannual])
        #expect(String(decoding: json, as: UTF8.self) == #"["semestral"]"#)
        #expect(try JSONDecoder().decode([BillingPeriod].self, from: json) == [.semiannual])
    }
}

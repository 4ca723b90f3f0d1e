import Foundation
import Shared
import Testing

@Suite("Quiet hours")
struct QuietHoursTests {
    /// A Lima wall-clock time on 21/11/2026 (or the next day).
    func lima(_ hour: Int, _ minute: Int = 0, day: Int = 21) -> Date {
        LimaCalendar.calendar.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))!
    }

    @Test(arguments: [(21, 0), (22, 30), (23, 59), (0, 0), (3, 15), (7, 59)])
    func nightIsQuiet(hour: Int, minute: Int) {
        #expect(QuietHours.standard.isQuiet(at: lima(hour, minute)))
    }

    @Test(arguments: [(8, 0), (8, 1), (12, 0), (20, 59)])
    func dayIsNot(hour: Int, minute: Int) {
        #expect(!QuietHours.standard.isQuiet(at: lima(hour, minute)))
        #expect(QuietHours.standard.nextAllowed(after: lima(hour, minute)) == lima(hour, minute))
    }

    @Test func eveningWaitsForEightTheNextMorning() {
        #expect(QuietHours.standard.nextAllowed(after: lima(22, 10)) == lima(8, day: 22))
    }

    @Test func earlyMorningWaitsForEightTheSameDay() {
        #expect(QuietHours.standard.nextAllowed(after: lima(6, 45)) == lima(8))
    }

    @Test func daytimeWindowWorksToo() {
        let lunch = QuietHours(start: 13, end: 15)
        #expect(lunch.isQuiet(at: lima(14)))
        #expect(!lunch.isQuiet(at: lima(15)))
        #expect(lunch.nextAllowed(after: lima(13, 30)) == lima(15))
    }
}

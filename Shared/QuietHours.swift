import Foundation

/// Hours of the night, in Lima, when nobody should get a WhatsApp or SMS from a business.
public struct QuietHours: Sendable, Equatable {
    /// First quiet hour (21 = from 21:00) and the hour sending resumes (8 = at 08:00).
    public let start: Int
    public let end: Int

    public static let standard = QuietHours(start: 21, end: 8)

    public init(start: Int, end: Int) {
        precondition((0..<24).contains(start) && (0..<24).contains(end) && start != end)
        self.start = start
        self.end = end
    }

    public func isQuiet(at date: Date) -> Bool {
        let hour = LimaCalendar.calendar.component(.hour, from: date)
        return start > end ? (hour >= start || hour < end) : (hour >= start && hour < end)
    }

    /// `date` itself outside quiet hours, otherwise the moment they end.
    public func nextAllowed(after date: Date) -> Date {
        guard isQuiet(at: date) else { return date }
        let calendar = LimaCalendar.calendar
        let resume = DateComponents(hour: end, minute: 0, second: 0)
        return calendar.nextDate(after: date, matching: resume, matchingPolicy: .nextTime) ?? date
    }
}

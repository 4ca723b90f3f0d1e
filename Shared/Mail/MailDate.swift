import Foundation

/// The RFC 5322 §3.3 date-time, e.g. "Sat, 21 Nov 2026 10:00:00 -0500".
enum MailDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    // Names and digits are fixed here rather than left to a DateFormatter so that
    // no locale setting on the server can produce "sáb" or Arabic digits.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = LimaCalendar.timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }()

    /// `date` as Lima wall-clock time with Lima's offset.
    static func format(_ date: Date) -> String {
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let offset = LimaCalendar.timeZone.secondsFromGMT(for: date) / 60
        let sign = offset < 0 ? "-" : "+"
        let day = days[(parts.weekday ?? 1) - 1]
        let month = months[(parts.month ?? 1) - 1]
        let time = [parts.hour, parts.minute, parts.second].map { pad($0 ?? 0) }.joined(separator: ":")
        let zone = sign + pad(abs(offset) / 60) + pad(abs(offset) % 60)
        return "\(day), \(pad(parts.day ?? 1)) \(month) \(parts.year ?? 1970) \(time) \(zone)"
    }

    private static func pad(_ value: Int) -> String { LimaCalendar.twoDigits(value) }
}

import Foundation

/// Time zone and calendar for Peru.
///
/// Peru has a single time zone, America/Lima (UTC-5, no daylight saving time
/// since 1994). Business dates (invoice issue dates, due dates, billing
/// cycles) are always Lima dates, whatever the server's own time zone is.
public enum LimaCalendar {
    /// The America/Lima time zone.
    ///
    /// Falls back to a fixed UTC-5 offset when the system has no tz database
    /// (slim containers); that is exact for every date since 1994.
    public static let timeZone: TimeZone =
        TimeZone(identifier: "America/Lima") ?? TimeZone(secondsFromGMT: -5 * 3600)!

    /// Gregorian calendar in Lima's time zone with the es_PE locale.
    public static var calendar: Calendar { cachedCalendar }

    // Building a Calendar is comparatively expensive; the value is immutable
    // and Sendable, so one shared copy is safe.
    private static let cachedCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "es_PE")
        return calendar
    }()

    /// The current date in Lima. Pass `now` to make callers testable.
    public static func today(now: Date = Date()) -> LimaDate {
        LimaDate(now)
    }

    /// The instant as Lima wall-clock time, "dd/mm/yyyy HH:mm".
    public static func formatDateTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        return "\(LimaDate(date).formatted) \(twoDigits(hour)):\(twoDigits(minute))"
    }

    /// The instant as Lima wall-clock time, "HH:mm:ss".
    public static func formatTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return [parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0].map(twoDigits).joined(separator: ":")
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

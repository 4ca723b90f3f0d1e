import Foundation
import Shared

extension LimaTime {
    /// ISO 8601 with Lima's fixed offset, as the API speaks it: `2026-12-01T10:00:00-05:00`.
    var iso8601: String { "\(date.iso)T\(clock):00-05:00" }

    /// Parses `2026-12-01T10:00`, with optional seconds and an optional `-05:00` offset (any
    /// other offset or a `Z` is converted to Lima time).
    static func parse(_ text: String) -> LimaTime? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 16, let date = LimaDate.parse(String(trimmed.prefix(10))) else { return nil }
        let rest = trimmed.dropFirst(10)
        guard rest.first == "T" || rest.first == " " else { return nil }
        let clock = rest.dropFirst().prefix(5)
        guard let minute = DayHours.Range.minute(String(clock)), minute < 1440 else { return nil }
        var tail = rest.dropFirst(6)
        if tail.hasPrefix(":") { tail = tail.dropFirst(3) }
        let local = LimaTime(date, minuteOfDay: minute)
        if tail.isEmpty || tail == "-05:00" { return local }
        let formatter = ISO8601DateFormatter()
        guard let instant = formatter.date(from: trimmed) ?? formatter.date(from: String(trimmed.prefix(16)) + ":00" + tail) else { return nil }
        return LimaTime(instant)
    }
}

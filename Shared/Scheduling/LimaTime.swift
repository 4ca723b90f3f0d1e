import Foundation

/// A minute on Lima's wall clock, counted from 1970-01-01 00:00 in Lima (UTC−5 all year, no
/// DST), so a date's minutes are `day × 1440 + minute of day` and spans compare as integers.
public struct LimaTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    public init(_ date: LimaDate, minuteOfDay: Int) {
        minutes = date.daysSinceEpoch * 1440 + minuteOfDay
    }

    /// The minute containing `instant` (seconds are dropped).
    public init(_ instant: Date) {
        minutes = Int((instant.timeIntervalSince1970 / 60).rounded(.down)) - LimaCalendar.offsetMinutes
    }

    public var instant: Date { Date(timeIntervalSince1970: TimeInterval((minutes + LimaCalendar.offsetMinutes) * 60)) }
    public var date: LimaDate { LimaDate(daysSinceEpoch: Self.floorDiv(minutes, 1440)) }
    public var minuteOfDay: Int { minutes - Self.floorDiv(minutes, 1440) * 1440 }

    /// "09:30"
    public var clock: String { String(format: "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60) }
    /// "2026-12-01 09:30"
    public var description: String { "\(date.iso) \(clock)" }

    public func adding(minutes delta: Int) -> LimaTime { LimaTime(minutes: minutes + delta) }

    public static func < (lhs: LimaTime, rhs: LimaTime) -> Bool { lhs.minutes < rhs.minutes }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

extension LimaCalendar {
    /// Lima is five hours behind UTC.
    static let offsetMinutes = 300
}

/// A half-open stretch of Lima time `[start, end)`.
public struct TimeSpan: Sendable, Hashable, Codable, CustomStringConvertible {
    public let start: LimaTime
    public let end: LimaTime

    public init(_ start: LimaTime, _ end: LimaTime) {
        self.start = start
        self.end = end
    }

    public var minutes: Int { end.minutes - start.minutes }
    public var isEmpty: Bool { end <= start }
    public var description: String { "\(start)–\(end.clock)" }

    public func overlaps(_ other: TimeSpan) -> Bool { start < other.end && other.start < end }
    public func contains(_ other: TimeSpan) -> Bool { start <= other.start && other.end <= end }
}

/// Sorted, disjoint spans, and the two operations availability needs.
public enum TimeSpans {
    /// Merges overlapping and touching spans, sorted by start; empty spans are dropped.
    public static func normalized(_ spans: [TimeSpan]) -> [TimeSpan] {
        var result: [TimeSpan] = []
        for span in spans.filter({ !$0.isEmpty }).sorted(by: { $0.start < $1.start }) {
            if let last = result.last, span.start <= last.end {
                result[result.count - 1] = TimeSpan(last.start, max(last.end, span.end))
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// `free` minus every span of `taken`; both may be unsorted.
    public static func subtracting(_ taken: [TimeSpan], from free: [TimeSpan]) -> [TimeSpan] {
        var result = normalized(free)
        for cut in normalized(taken) {
            result = result.flatMap { span -> [TimeSpan] in
                guard span.overlaps(cut) else { return [span] }
                return [TimeSpan(span.start, cut.start), TimeSpan(cut.end, span.end)].filter { !$0.isEmpty }
            }
        }
        return result
    }

    /// Whether one span of the sorted, disjoint `free` holds all of `span` (binary search).
    public static func covers(_ free: [TimeSpan], _ span: TimeSpan) -> Bool {
        var low = 0, high = free.count
        while low < high {
            let mid = (low + high) / 2
            if free[mid].end < span.end { low = mid + 1 } else { high = mid }
        }
        return low < free.count && free[low].contains(span)
    }
}

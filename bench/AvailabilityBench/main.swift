import Foundation
import Shared

// The salon's hardest availability question: "any stylist" for 30 days over 20 stylists, each
// with a week of hours and a break, four bookings a day. Baseline, measured in the same run: the
// same question for one stylist and one day; the ratio says how the big query scales per
// stylist-day (1.0 = linear, no overhead from the union or the sorting).
//
//   swift run -c release AvailabilityBench [runs]

let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 50 : 50
let first = LimaDate(year: 2026, month: 12, day: 1)!
let now = LimaTime(first.adding(days: -1), minuteOfDay: 20 * 60).instant
let hours = DayHours(open: .init(9 * 60, 19 * 60), breaks: [.init(13 * 60, 14 * 60)])
let week = WorkingWeek(days: Dictionary(uniqueKeysWithValues: [Weekday.monday, .tuesday, .wednesday, .thursday, .friday, .saturday]
    .map { ($0, hours) }))
let service = ServiceNeeds(duration: 60, bufferAfter: 10, skill: "alisado")
let rules = BookingRules(slotInterval: 15, minimumNotice: 120, maxDaysAhead: 60)

/// Four bookings a day, at times that differ by stylist and day, 45 to 75 minutes long.
func bookings(for stylist: Int, days: Int) -> [TimeSpan] {
    (0..<days).flatMap { offset -> [TimeSpan] in
        let date = first.adding(days: offset)
        return (0..<4).map { index in
            let start = 9 * 60 + index * 150 + (stylist * 37 + offset * 13) % 90
            let length = 45 + (stylist + index) % 3 * 15
            return TimeSpan(LimaTime(date, minuteOfDay: start), LimaTime(date, minuteOfDay: start + length))
        }
    }
}

let salon = (0..<20).map { Bookable(id: $0, skills: ["alisado"], week: week, busy: bookings(for: $0, days: 30)) }
let alone = [Bookable(id: 0, skills: ["alisado"], week: week, busy: bookings(for: 0, days: 1))]

func median(_ work: () -> Int) -> (seconds: Double, result: Int) {
    var times: [Double] = []
    var result = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        result = work()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (times.sorted()[times.count / 2], result)
}

let big = median {
    Availability.slots(for: service, from: first, through: first.adding(days: 29), staff: salon, rules: rules, now: now).count
}
let baseline = median {
    Availability.slots(for: service, from: first, through: first, staff: alone, rules: rules, now: now).count
}
let perStylistDay = big.seconds / 600
print("availability, any stylist, 20 stylists × 30 days: \(String(format: "%.2f", big.seconds * 1000)) ms (\(big.result) slots; median of \(runs))")
print("baseline, 1 stylist × 1 day:                     \(String(format: "%.1f", baseline.seconds * 1e6)) µs (\(baseline.result) slots)")
print("per stylist-day in the big query:                \(String(format: "%.1f", perStylistDay * 1e6)) µs = \(String(format: "%.2f", perStylistDay / baseline.seconds))× the baseline")

import Core
import Foundation
import Shared
import Vapor

/// Reading the owner's catalogue forms (services, weeks, days off, rules): each field checked,
/// each problem named next to its field, nothing saved until all of them hold.
enum CatalogInput {
    struct ServiceValues {
        var name: String
        var duration: Int
        var price: Money
        var bufferBefore: Int
        var bufferAfter: Int
        var skill: String
    }

    static func service(_ form: ServicePages.Form, _ req: Request) throws(FieldErrors) -> ServiceValues {
        var errors = FieldErrors()
        let name = InputRules.required(form.name, "name", into: &errors, req)
        let duration = whole(form.duration, "duration", in: 5...720, into: &errors, req)
        let before = whole(form.buffer_before, "buffer_before", in: 0...240, into: &errors, req, empty: 0)
        let after = whole(form.buffer_after, "buffer_after", in: 0...240, into: &errors, req, empty: 0)
        let skill = InputRules.required(form.skill, "skill", into: &errors, req).map(Skills.normalize)
        var price: Money?
        if let text = InputRules.required(form.price, "price", into: &errors, req) {
            price = Money.parse(text.replacingOccurrences(of: "S/", with: "").trimmingCharacters(in: .whitespaces))
            if price == nil || price!.cents <= 0 { errors["price"] = req.t("salon.error.price") }
        }
        try errors.throwIfAny()
        return ServiceValues(name: name!, duration: duration!, price: price!, bufferBefore: before!, bufferAfter: after!, skill: skill!)
    }

    /// A whole number of minutes (or hours, days) within `range`; `empty` when left blank.
    static func whole(_ text: String?, _ field: String, in range: ClosedRange<Int>, into errors: inout FieldErrors, _ req: Request,
                      empty: Int? = nil) -> Int? {
        let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? ""
        if trimmed.isEmpty, let empty { return empty }
        guard let value = Int(trimmed), range.contains(value) else {
            errors[field] = req.t("salon.error.range").replacingOccurrences(of: "{min}", with: "\(range.lowerBound)")
                .replacingOccurrences(of: "{max}", with: "\(range.upperBound)")
            return nil
        }
        return value
    }

    /// One weekday's row of the week form: closed, or "09:00"–"18:00" with breaks like
    /// "13:00-14:00, 16:30-16:45". The error key is `day_{weekday number}`.
    static func week(_ fields: [String: String], _ req: Request) throws(FieldErrors) -> StoredWeek {
        var errors = FieldErrors()
        var week = StoredWeek()
        for day in Weekday.allCases {
            let key = day.rawValue
            guard fields["open_\(key)"] != nil else { continue }
            do {
                week.days[key] = try hours(from: fields["from_\(key)"], to: fields["to_\(key)"], breaks: fields["breaks_\(key)"] ?? "")
            } catch {
                errors["day_\(key)"] = req.t("salon.error.schedule.\(error)")
            }
        }
        try errors.throwIfAny()
        return week
    }

    enum HoursProblem: Error, CustomStringConvertible {
        case format, schedule(ScheduleError)

        var description: String {
            switch self {
            case .format: "format"
            case .schedule(let error): "\(error.key)"
            }
        }
    }

    static func hours(from: String?, to: String?, breaks: String) throws(HoursProblem) -> DayHours {
        guard let start = from.flatMap(clock), let end = to.flatMap(clock) else { throw .format }
        var pauses: [DayHours.Range] = []
        for text in breaks.split(separator: ",") where !text.trimmingCharacters(in: .whitespaces).isEmpty {
            let ends = text.split(separator: "-")
            guard ends.count == 2, let first = clock(String(ends[0])), let last = clock(String(ends[1])) else { throw .format }
            pauses.append(.init(first, last))
        }
        let hours = DayHours(open: .init(start, end), breaks: pauses.sorted { $0.start < $1.start })
        do { try hours.validate() } catch { throw .schedule(error) }
        return hours
    }

    private static func clock(_ text: String) -> Int? {
        DayHours.Range.minute(text.trimmingCharacters(in: .whitespaces))
    }

    /// A date from today on, as the date picker or "dd/mm/aaaa" gives it.
    static func futureDate(_ text: String?, today: LimaDate, _ req: Request) throws(FieldErrors) -> LimaDate {
        guard let date = text.flatMap(LimaDate.parse) else { throw FieldErrors(["day": req.t("salon.error.date")]) }
        guard date >= today else { throw FieldErrors(["day": req.t("salon.error.past_day")]) }
        return date
    }

    struct RulesValues {
        var slotInterval: Int
        var minimumNotice: Int
        var maxDaysAhead: Int
        var holdMinutes: Int
        var cancelWindowHours: Int
    }

    static func rules(_ form: RulesPages.Form, _ req: Request) throws(FieldErrors) -> RulesValues {
        var errors = FieldErrors()
        let values = (whole(form.slot_interval, "slot_interval", in: 5...240, into: &errors, req),
                      whole(form.minimum_notice, "minimum_notice", in: 0...10080, into: &errors, req),
                      whole(form.max_days_ahead, "max_days_ahead", in: 1...365, into: &errors, req),
                      whole(form.hold_minutes, "hold_minutes", in: 5...120, into: &errors, req),
                      whole(form.cancel_window_hours, "cancel_window_hours", in: 0...168, into: &errors, req))
        try errors.throwIfAny()
        return RulesValues(slotInterval: values.0!, minimumNotice: values.1!, maxDaysAhead: values.2!, holdMinutes: values.3!,
                           cancelWindowHours: values.4!)
    }
}

extension ScheduleError {
    /// The string key of the reason, shared by the form's messages.
    var key: String {
        switch self {
        case .outOfDay: "out_of_day"
        case .endBeforeStart: "end_before_start"
        case .breakEndBeforeStart: "break_end_before_start"
        case .breakOutsideHours: "break_outside_hours"
        case .overlappingBreaks: "overlapping_breaks"
        }
    }
}

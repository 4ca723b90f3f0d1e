/// The period a sales report covers: a preset relative to today (Lima) or dates the user chose.
///
/// Presets stay relative so that a bookmarked "this month" link keeps meaning this month; they are
/// resolved to dates only with `range(today:)`, given the Lima date of the request.
public enum ReportPeriod: Sendable, Hashable {
    case today
    /// Monday to today, Peruvian weeks starting on Monday.
    case thisWeek
    /// The 1st of this month to today.
    case thisMonth
    /// The whole of the previous calendar month.
    case lastMonth
    /// 1 January to today.
    case thisYear
    /// From and to inclusive; given in the wrong order they are swapped.
    case custom(from: LimaDate, to: LimaDate)

    /// The presets in the order the report page offers them.
    public static let presets: [ReportPeriod] = [.today, .thisWeek, .thisMonth, .lastMonth, .thisYear]

    /// The longest range `parse` accepts: a leap year, so "this year" always fits, and no report
    /// query scans more than a year of sales.
    public static let maximumDays = 366

    /// The preset's value in a query string ("week", "last-month"…); `nil` for custom dates,
    /// which travel as `from` and `to`.
    public var queryValue: String? {
        switch self {
        case .today: "today"
        case .thisWeek: "week"
        case .thisMonth: "month"
        case .lastMonth: "last-month"
        case .thisYear: "year"
        case .custom: nil
        }
    }

    /// Spanish name as shown to users, e.g. "Este mes".
    public var displayName: String {
        switch self {
        case .today: "Hoy"
        case .thisWeek: "Esta semana"
        case .thisMonth: "Este mes"
        case .lastMonth: "Mes pasado"
        case .thisYear: "Este año"
        case .custom: "Personalizado"
        }
    }

    /// English name, e.g. "This month".
    public var displayNameEn: String {
        switch self {
        case .today: "Today"
        case .thisWeek: "This week"
        case .thisMonth: "This month"
        case .lastMonth: "Last month"
        case .thisYear: "This year"
        case .custom: "Custom"
        }
    }
}

// MARK: - Resolving to dates

extension ReportPeriod {
    /// The dates covered, given today's Lima date. Presets that contain today stop at today:
    /// a report on days still to come would only show zeros.
    public func range(today: LimaDate) -> LimaDateRange {
        switch self {
        case .today: LimaDateRange(from: today, to: today)
        case .thisWeek: LimaDateRange(from: today.mondayOfWeek, to: today)
        case .thisMonth: LimaDateRange(from: today.firstOfMonth, to: today)
        case .lastMonth: LimaDateRange.month(containing: today.firstOfMonth.adding(days: -1))
        case .thisYear: LimaDateRange(from: today.firstOfYear, to: today)
        case .custom(let from, let to): LimaDateRange(from: from, to: to)
        }
    }

    /// The dates to compare with: the same stretch one step back, so that "this month so far" is
    /// set against the same days of last month rather than all of it, which would always look
    /// better. Day numbers past the end of a shorter month are clamped (31/03 → 28/02 or 29/02).
    public func previousRange(today: LimaDate) -> LimaDateRange {
        let current = range(today: today)
        switch self {
        case .today: return current.shifted(days: -1)
        case .thisWeek: return current.shifted(days: -7)
        case .thisMonth: return current.shifted(months: -1)
        case .thisYear: return current.shifted(months: -12)
        case .lastMonth: return LimaDateRange.month(containing: current.from.adding(days: -1))
        case .custom: return current.immediatelyBefore
        }
    }

    /// "Este mes · 01/11/2026 – 21/11/2026"; custom periods show only their dates.
    public func title(today: LimaDate) -> String {
        titled(displayName, today: today)
    }

    /// "This month · 01/11/2026 – 21/11/2026"; custom periods show only their dates.
    public func titleEn(today: LimaDate) -> String {
        titled(displayNameEn, today: today)
    }

    private func titled(_ name: String, today: LimaDate) -> String {
        let dates = range(today: today).title
        return queryValue == nil ? dates : "\(name) · \(dates)"
    }
}

// MARK: - Parsing

extension ReportPeriod {
    /// The period named by a request's query parameters: `from` and `to` as "yyyy-mm-dd" (what
    /// `<input type="date">` sends) or "dd/mm/yyyy" (what people type), else a preset name
    /// (`queryValue`), else `fallback`. Empty parameters count as missing, as forms send them.
    ///
    /// Dates win over a preset because a form with both a preset menu and date fields sends
    /// both, and typed dates are the more deliberate choice.
    public static func parse(
        preset: String?, from: String?, to: String?, fallback: ReportPeriod = .thisMonth
    ) throws(ReportPeriodError) -> ReportPeriod {
        let from = nonBlank(from)
        let to = nonBlank(to)
        if from != nil || to != nil {
            return try parseDates(from: from, to: to)
        }
        guard let name = nonBlank(preset) else { return fallback }
        guard let period = presets.first(where: { $0.queryValue == name.lowercased() }) else {
            throw .unknownPreset(name)
        }
        return period
    }

    private static func parseDates(from: String?, to: String?) throws(ReportPeriodError) -> ReportPeriod {
        guard let fromText = from else { throw .missingFrom }
        guard let toText = to else { throw .missingTo }
        guard let start = LimaDate.parse(fromText) else { throw .invalidFrom }
        guard let end = LimaDate.parse(toText) else { throw .invalidTo }
        guard start <= end else { throw .fromAfterTo }
        let days = start.daysUntil(end) + 1
        guard days <= maximumDays else { throw .tooLong(days: days) }
        return .custom(from: start, to: end)
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let text, let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return nil }
        return String(text[first...last])
    }
}

// MARK: - Errors

/// Why the period asked for in a report's query string was rejected.
public enum ReportPeriodError: Error, Hashable, Sendable {
    /// A preset name that is not one of `ReportPeriod.presets`' `queryValue`s.
    case unknownPreset(String)
    case missingFrom
    case missingTo
    case invalidFrom
    case invalidTo
    case fromAfterTo
    /// More than `ReportPeriod.maximumDays` days, counting both ends.
    case tooLong(days: Int)

    /// Message for end users, in Spanish.
    public var message: String {
        switch self {
        case .unknownPreset(let name): "El periodo «\(Self.shown(name))» no existe"
        case .missingFrom: "Ingrese la fecha inicial"
        case .missingTo: "Ingrese la fecha final"
        case .invalidFrom: "La fecha inicial no es válida (use dd/mm/aaaa)"
        case .invalidTo: "La fecha final no es válida (use dd/mm/aaaa)"
        case .fromAfterTo: "La fecha inicial debe ser anterior o igual a la fecha final"
        case .tooLong(let days):
            "El rango puede tener hasta \(ReportPeriod.maximumDays) días; el elegido tiene \(days)"
        }
    }

    /// Message for logs and English-speaking users.
    public var messageEn: String {
        switch self {
        case .unknownPreset(let name): "There is no period “\(Self.shown(name))”"
        case .missingFrom: "Enter the start date"
        case .missingTo: "Enter the end date"
        case .invalidFrom: "The start date is not valid (use dd/mm/yyyy)"
        case .invalidTo: "The end date is not valid (use dd/mm/yyyy)"
        case .fromAfterTo: "The start date must be on or before the end date"
        case .tooLong(let days):
            "The range can be at most \(ReportPeriod.maximumDays) days long; this one has \(days)"
        }
    }

    /// The name is whatever was in the URL: cut so a crafted link cannot fill the page.
    private static func shown(_ name: String) -> String {
        name.count > 30 ? name.prefix(29) + "…" : name
    }
}

// MARK: - Ranges

/// Consecutive Lima dates, both ends included.
public struct LimaDateRange: Sendable, Hashable {
    public let from: LimaDate
    public let to: LimaDate

    /// The dates between `from` and `to`, whichever order they come in, so every range is valid.
    public init(from: LimaDate, to: LimaDate) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    /// The whole calendar month `date` falls in.
    public static func month(containing date: LimaDate) -> LimaDateRange {
        LimaDateRange(from: date.firstOfMonth, to: date.lastOfMonth)
    }

    /// Number of days, counting both ends: 1 for a single day.
    public var dayCount: Int { from.daysUntil(to) + 1 }

    public func contains(_ date: LimaDate) -> Bool { from <= date && date <= to }

    /// For queries: `from...to`.
    public var closedRange: ClosedRange<LimaDate> { from...to }

    /// The range of the same length that ends the day before this one starts.
    public var immediatelyBefore: LimaDateRange {
        LimaDateRange(from: from.adding(days: -dayCount), to: from.adding(days: -1))
    }

    /// Both ends moved by `days`.
    func shifted(days: Int) -> LimaDateRange {
        LimaDateRange(from: from.adding(days: days), to: to.adding(days: days))
    }

    /// Both ends moved by `months`, day numbers clamped to the shorter month's end, so a range
    /// from the 1st keeps starting on the 1st.
    func shifted(months: Int) -> LimaDateRange {
        LimaDateRange(from: from.adding(months: months), to: to.adding(months: months))
    }

    /// "01/11/2026 – 21/11/2026", or just "21/11/2026" for one day. Dates are dd/mm/yyyy in
    /// both of the app's languages, so one title serves both.
    public var title: String {
        from == to ? from.formatted : "\(from.formatted) – \(to.formatted)"
    }
}

// MARK: - Buckets

/// How finely a report splits its range for a chart or a table.
public enum ReportGrain: String, Sendable, Hashable, CaseIterable {
    case day, week, month

    /// Longest range still shown day by day: a month's days fit a phone-sized chart.
    public static let dailyLimit = 31
    /// Longest range shown week by week (about four months, some 18 weeks); beyond that, months.
    public static let weeklyLimit = 120

    /// The grain that gives a readable number of points for a range of `dayCount` days.
    public static func natural(forDays dayCount: Int) -> ReportGrain {
        if dayCount <= dailyLimit { return .day }
        return dayCount <= weeklyLimit ? .week : .month
    }

    /// The last day of the day, ISO week (Monday to Sunday) or calendar month containing `date`.
    func lastDay(containing date: LimaDate) -> LimaDate {
        switch self {
        case .day: date
        case .week: date.mondayOfWeek.adding(days: 6)
        case .month: date.lastOfMonth
        }
    }
}

/// One day, week or month of a report, clipped to the report's range, with its chart labels.
public struct ReportBucket: Sendable, Hashable {
    public let grain: ReportGrain
    public let range: LimaDateRange

    public init(grain: ReportGrain, range: LimaDateRange) {
        self.grain = grain
        self.range = range
    }

    /// Short Spanish label: "lun 03/11", "sem 45", "nov 2026".
    public var label: String {
        let start = range.from
        switch grain {
        case .day: return "\(start.weekdayAbbreviation) \(start.dayAndMonth)"
        case .week: return "sem \(start.isoWeek)"
        case .month: return "\(start.monthAbbreviation) \(start.year)"
        }
    }

    /// Short English label: "Mon 03/11", "wk 45", "Nov 2026".
    public var labelEn: String {
        let start = range.from
        switch grain {
        case .day: return "\(start.weekdayAbbreviationEn) \(start.dayAndMonth)"
        case .week: return "wk \(start.isoWeek)"
        case .month: return "\(start.monthAbbreviationEn) \(start.year)"
        }
    }
}

extension LimaDateRange {
    /// The grain that suits this range's length (see `ReportGrain.natural(forDays:)`).
    public var naturalGrain: ReportGrain { ReportGrain.natural(forDays: dayCount) }

    /// The range split into consecutive days, ISO weeks or calendar months, in order; the first
    /// and last buckets are clipped to the range, so their days add up to `dayCount`.
    public func buckets(_ grain: ReportGrain) -> [ReportBucket] {
        var buckets: [ReportBucket] = []
        var start = from
        while start <= to {
            let end = min(grain.lastDay(containing: start), to)
            buckets.append(ReportBucket(grain: grain, range: LimaDateRange(from: start, to: end)))
            start = end.adding(days: 1)
        }
        return buckets
    }
}

extension [ReportBucket] {
    /// The index of the bucket holding `date`, for adding sales rows up into buckets; `nil`
    /// outside them. Buckets from `buckets(_:)` are in date order, so this is a binary search.
    public func index(containing date: LimaDate) -> Int? {
        var low = 0
        var high = count - 1
        while low <= high {
            let middle = (low + high) / 2
            let bucket = self[middle].range
            if date < bucket.from {
                high = middle - 1
            } else if date > bucket.to {
                low = middle + 1
            } else {
                return middle
            }
        }
        return nil
    }
}

// MARK: - Calendar helpers

extension LimaDate {
    /// The 1st of this date's month.
    var firstOfMonth: LimaDate { adding(days: 1 - day) }

    /// The last day of this date's month.
    var lastOfMonth: LimaDate { adding(days: Self.daysIn(month: month, year: year) - day) }

    /// 1 January of this date's year.
    var firstOfYear: LimaDate { firstOfMonth.adding(months: 1 - month) }

    /// The Monday starting this date's week (ISO 8601 and Peruvian custom: weeks start on Monday).
    var mondayOfWeek: LimaDate {
        // Weekday raw values run Sunday = 1 … Saturday = 7; this counts days since Monday.
        adding(days: -((weekday.rawValue + 5) % 7))
    }

    /// The ISO 8601 week number, 1...53: the week belongs to the year its Thursday is in.
    var isoWeek: Int {
        let thursday = mondayOfWeek.adding(days: 3)
        return thursday.firstOfYear.daysUntil(thursday) / 7 + 1
    }

    /// "03/11": day and month, the year being in the report's title.
    var dayAndMonth: String { "\(LimaCalendar.twoDigits(day))/\(LimaCalendar.twoDigits(month))" }

    /// "lun", "mié"…: Spanish weekdays are written lowercase.
    var weekdayAbbreviation: String {
        ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"][weekday.rawValue - 1]
    }

    var weekdayAbbreviationEn: String { String(weekday.displayNameEn.prefix(3)) }

    /// "ene" … "dic"; "set" for September, as Peru writes "setiembre" (and CLDR's es-PE agrees).
    var monthAbbreviation: String {
        ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "set", "oct", "nov", "dic"][month - 1]
    }

    var monthAbbreviationEn: String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
    }
}

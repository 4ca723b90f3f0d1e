/// How often a tenant's subscription is billed.
///
/// Raw values are the Spanish words stored in the database and shown in URLs.
public enum BillingPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    case monthly = "mensual"
    case quarterly = "trimestral"
    case semiannual = "semestral"
    case annual = "anual"

    /// Length of one period in months.
    public var months: Int {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .semiannual: 6
        case .annual: 12
        }
    }

    /// Spanish name as shown to users, e.g. "Mensual".
    public var displayName: String {
        switch self {
        case .monthly: "Mensual"
        case .quarterly: "Trimestral"
        case .semiannual: "Semestral"
        case .annual: "Anual"
        }
    }

    /// English name, e.g. "Monthly".
    public var displayNameEn: String {
        switch self {
        case .monthly: "Monthly"
        case .quarterly: "Quarterly"
        case .semiannual: "Semiannual"
        case .annual: "Annual"
        }
    }

    /// The date one period after `date`, with the day clamped to the end of a
    /// shorter month: 31/01/2026 + monthly = 28/02/2026.
    public func advance(_ date: LimaDate) -> LimaDate {
        advance(date, times: 1)
    }

    /// The date `n` periods after the anchor `date` (before it if `n` is
    /// negative).
    ///
    /// Always computed from the anchor, never by chaining `advance(_:)`:
    /// billing stays on the signup day, so a tenant who signed up on 31/01
    /// is billed on 28/02 and then on 31/03 again. Chaining would clamp once
    /// and drift to the 28th forever.
    public func advance(_ date: LimaDate, times n: Int) -> LimaDate {
        date.adding(months: months * n)
    }
}

/// A day of the week, numbered like `Calendar.Component.weekday`
/// (1 = Sunday … 7 = Saturday) so values interoperate with Foundation.
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable {
    case sunday = 1, monday, tuesday, wednesday, thursday, friday, saturday

    /// Spanish name as shown to users, e.g. "lunes".
    public var displayName: String {
        switch self {
        case .sunday: "domingo"
        case .monday: "lunes"
        case .tuesday: "martes"
        case .wednesday: "miércoles"
        case .thursday: "jueves"
        case .friday: "viernes"
        case .saturday: "sábado"
        }
    }

    /// English name, e.g. "Monday".
    public var displayNameEn: String {
        switch self {
        case .sunday: "Sunday"
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        }
    }
}

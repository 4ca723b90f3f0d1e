/// Where a business stands with its membership.
///
/// Raw values are stored in the database and compared in SQL, so they are stable snake_case
/// English words; what users read comes from `spanishName`.
public enum MembershipStage: String, Codable, Sendable, CaseIterable {
    case trial, active, warning
    case readOnly = "read_only"
    case blocked, cancelled

    /// 0 trial/active, 1 warning, 2 read_only, 3 blocked, 4 cancelled.
    ///
    /// A trial is as healthy as a paid membership: nothing is owed yet. The dunning ladder
    /// uses this order to refuse a policy that would step a debtor back to a milder stage.
    public var severity: Int {
        switch self {
        case .trial, .active: 0
        case .warning: 1
        case .readOnly: 2
        case .blocked: 3
        case .cancelled: 4
        }
    }

    /// trial, active, warning: the business works normally (warning shows a banner).
    ///
    /// Read only still lets the owner see and export their data, so a late payment never
    /// holds their records hostage; it only stops new sales, invoices and edits.
    public var allowsWrites: Bool {
        severity <= MembershipStage.warning.severity
    }

    /// false for blocked and cancelled: only the membership/pay pages are open.
    public var allowsAccess: Bool {
        severity <= MembershipStage.readOnly.severity
    }

    /// Spanish name as shown to users, e.g. "Solo lectura".
    public var spanishName: String {
        switch self {
        case .trial: "Prueba"
        case .active: "Activa"
        case .warning: "Aviso de pago"
        case .readOnly: "Solo lectura"
        case .blocked: "Bloqueada"
        case .cancelled: "Cancelada"
        }
    }

    /// English name, for logs and English-speaking operators.
    public var englishName: String {
        switch self {
        case .trial: "Trial"
        case .active: "Active"
        case .warning: "Payment warning"
        case .readOnly: "Read only"
        case .blocked: "Blocked"
        case .cancelled: "Cancelled"
        }
    }
}

/// A currency the platform can invoice in.
///
/// Peruvian businesses invoice almost always in soles; dollars appear in
/// rents, imports and some B2B contracts, so both are first-class.
public enum Currency: String, Sendable, Hashable, Codable, CaseIterable {
    /// Peruvian sol, the legal tender.
    case pen = "PEN"
    /// United States dollar.
    case usd = "USD"

    /// ISO 4217 code, e.g. "PEN".
    public var code: String { rawValue }

    /// Symbol printed before amounts on Peruvian invoices: "S/" or "US$".
    ///
    /// "US$" rather than "$" because in Peru a bare "$" is ambiguous next to
    /// soles amounts on the same document.
    public var symbol: String {
        switch self {
        case .pen: "S/"
        case .usd: "US$"
        }
    }
}

/// A user's role inside one tenant. Platform admins are a global flag on the user instead.
public enum Role: String, Codable, Sendable, CaseIterable {
    case owner, staff, customer
}

import Fluent
import Vapor

/// Failed logins, kept in the database so that throttling holds across server instances.
public final class LoginAttempt: Model, @unchecked Sendable {
    public static let schema = "login_attempts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "ip") public var ip: String
    @Field(key: "attempted_at") public var attemptedAt: Date

    public init() {}

    public init(email: String, ip: String, at date: Date) {
        self.email = email
        self.ip = ip
        self.attemptedAt = date
    }
}

import Fluent
import Vapor

public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    /// Always stored lowercased: emails are compared case-insensitively.
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "is_platform_admin") public var isPlatformAdmin: Bool
    /// Sessions signed in before this instant are no longer honoured (see CurrentUserMiddleware).
    @OptionalField(key: "password_changed_at") public var passwordChangedAt: Date?
    /// When the owner of the address opened the link sent to it; nil until then.
    @OptionalField(key: "email_verified_at") public var emailVerifiedAt: Date?

    public init() {}

    public init(id: UUID? = nil, email: String, name: String, passwordHash: String, isPlatformAdmin: Bool = false,
                emailVerifiedAt: Date? = nil) {
        self.id = id
        self.emailVerifiedAt = emailVerifiedAt
        self.email = email.lowercased()
        self.name = name
        self.passwordHash = passwordHash
        self.isPlatformAdmin = isPlatformAdmin
    }
}

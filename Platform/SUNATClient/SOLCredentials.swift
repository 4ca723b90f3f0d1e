/// Clave SOL credentials of the issuer (or of its secondary user with the e-invoicing profile).
/// Descriptions and mirrors hide the password so that logging a client never leaks it.
public struct SOLCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public var ruc: String
    public var user: String
    public var password: String

    public init(ruc: String, user: String, password: String) {
        self.ruc = ruc
        self.user = user
        self.password = password
    }

    /// SUNAT authenticates `<RUC><usuario SOL>` as one WS-Security user name, e.g. `20000000001MODDATOS`.
    public var username: String { ruc + user }

    public var description: String { "SOLCredentials(\(username), password: <redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["ruc": ruc, "user": user, "password": "<redacted>"])
    }
}

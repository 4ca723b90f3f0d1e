/// Why an SMTP URL was refused. The text never repeats the URL, which may hold a password.
public struct SMTPURLError: Error, CustomStringConvertible, Sendable, Equatable {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { "invalid SMTP URL: \(reason)" }
}

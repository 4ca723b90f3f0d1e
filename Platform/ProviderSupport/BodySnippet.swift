// Shared by the provider clients (Messaging, PaymentProviders): small helpers for talking to
// third-party HTTP APIs, kept in their own target so neither client depends on the other.
/// A short printable start of an unexpected body (an HTML page from a proxy, say).
public enum BodySnippet {
    public static func text(_ body: [UInt8], limit: Int = 200) -> String {
        if body.isEmpty { return "empty body" }
        let text = String(decoding: body.prefix(limit), as: UTF8.self)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        return body.count > limit ? text + "…" : text
    }
}

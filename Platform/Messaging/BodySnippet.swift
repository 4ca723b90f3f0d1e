/// A short printable start of an unexpected body (an HTML page from a proxy, say).
enum BodySnippet {
    static func text(_ body: [UInt8], limit: Int = 200) -> String {
        if body.isEmpty { return "empty body" }
        let text = String(decoding: body.prefix(limit), as: UTF8.self)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        return body.count > limit ? text + "…" : text
    }
}

/// The text rules every server-drawn SVG chart follows, kept in one place so that a fix to
/// escaping or color validation reaches all of them.
///
/// Chart labels come from tenants (product, business and plan names), so all text goes through
/// `escape` and all colors through `safeColor`: nothing a tenant types can add markup,
/// attributes or styles to the page.
enum SVGText {
    /// Escapes text for element content and double- or single-quoted attributes, and drops
    /// characters XML 1.0 forbids (control characters other than tab, newline and carriage
    /// return, and U+FFFE/U+FFFF), which would make the whole document unreadable.
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// `color` if it is "#" and 3 to 8 hex digits, else `fallback`: a color goes into an
    /// attribute, so anything else (quotes, "url(...)", "red;...") could escape it.
    static func safeColor(_ color: String?, fallback: String) -> String {
        guard let color, color.utf8.first == UInt8(ascii: "#") else { return fallback }
        let digits = color.utf8.dropFirst()
        guard (3...8).contains(digits.count), digits.allSatisfy(isHexDigit) else { return fallback }
        return color
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
             UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }

    /// `label` cut to `limit` characters (grapheme clusters, so accents and emoji stay whole),
    /// the last one replaced by "…" when cut.
    static func shortened(_ label: String, to limit: Int) -> String {
        guard label.count > limit else { return label }
        return String(label.prefix(max(0, limit - 1))) + "…"
    }

    /// A coordinate with at most two decimals and no exponent or locale: "12", "12.5", "0.33".
    static func number(_ value: Double) -> String {
        // Non-finite or absurd values would trap in the Int conversion; no drawing needs them.
        let bounded = value.isFinite ? min(max(value, -1e12), 1e12) : 0
        let hundredths = Int((bounded * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let fractionText = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(fractionText)"
    }

    /// Rough width of one character of sans-serif text at `fontSize` px, to decide what fits.
    static func characterWidth(fontSize: Double) -> Double {
        fontSize * 0.6
    }

    /// The opening `<svg>` tag and its `<title>` for a chart that keeps its natural size on wide
    /// screens and shrinks with its container on a phone: `viewBox` lets it scale, and the
    /// constant `max-width:100%;height:auto` does so without any page CSS (e-mails have none).
    static func responsiveHeader(width: Int, height: Int, title: String, fontSize: Int) -> String {
        let escapedTitle = escape(title)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" preserveAspectRatio="xMidYMid meet" \
            style="max-width:100%;height:auto" role="img" aria-label="\(escapedTitle)" \
            font-family="sans-serif" font-size="\(fontSize)">
            <title>\(escapedTitle)</title>

            """
    }

    /// The body of a chart with nothing to draw: `message` in the middle, then the closing tag.
    static func emptyBody(width: Int, height: Int, message: String) -> String {
        """
        <text x="\(number(Double(width) / 2))" y="\(number(Double(height) / 2))" \
        text-anchor="middle" fill="#666">\(escape(message))</text>
        </svg>

        """
    }
}

/// A small horizontal-or-vertical bar chart as standalone SVG text (no scripts, no external refs),
/// every label and title XML-escaped.
///
/// Drawn on the server so the admin console needs no JavaScript charting library and the chart
/// can be inlined in a page or an e-mail. Labels often come from tenants (business names, plan
/// names), so all text goes through `escape` and colors through `safeColor`: nothing a tenant
/// types can add markup, attributes or styles to the page.
public enum SVGBarChart {
    /// No color uses `defaultColor`.
    public typealias Bar = ChartItem

    /// The bar color when none (or an invalid one) is given: the console's green.
    public static let defaultColor = "#2f7d4a"

    /// Smallest drawing that still fits a value, a bar and a label, and a largest one far beyond
    /// any screen (which keeps coordinate arithmetic away from overflow); sizes are clamped to them.
    static let minimumWidth = 40
    static let minimumHeight = 60
    static let maximumSize = 100_000

    /// Room above the bars for the values and below them for the labels.
    private static let topMargin = 18.0
    private static let bottomMargin = 22.0
    private static let sideMargin = 8.0
    /// Fraction of each bar's slot left empty, half on each side.
    private static let gapFraction = 0.25
    /// Rough width of one 11px sans-serif character, to shorten labels that would overlap.
    private static let characterWidth = 6.5

    /// Vertical bars with the value above each bar and the label below; `title` as <title> and an
    /// aria-label (role="img"). Heights scale to the largest value (all zero → no bar taller than 0).
    /// Colors are validated: anything not matching ^#[0-9a-fA-F]{3,8}$ falls back to the default.
    ///
    /// Negative values are drawn as zero-height bars (their value is still printed). Labels too
    /// wide for their bar are cut with "…"; the full label and value stay in each bar's <title>,
    /// which browsers show on hover. No bars gives a chart with only the title and "Sin datos".
    public static func render(_ bars: [Bar], title: String, width: Int = 480, height: Int = 220) -> String {
        let width = min(max(width, minimumWidth), maximumSize)
        let height = min(max(height, minimumHeight), maximumSize)
        let escapedTitle = escape(title)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" role="img" aria-label="\(escapedTitle)" \
            font-family="sans-serif" font-size="11">
            <title>\(escapedTitle)</title>

            """
        guard !bars.isEmpty else {
            svg += """
                <text x="\(number(Double(width) / 2))" y="\(number(Double(height) / 2))" \
                text-anchor="middle" fill="#666">Sin datos</text>
                </svg>

                """
            return svg
        }

        let plotTop = topMargin
        let plotBottom = Double(height) - bottomMargin
        let plotHeight = max(0, plotBottom - plotTop)
        let slot = (Double(width) - 2 * sideMargin) / Double(bars.count)
        let barWidth = slot * (1 - gapFraction)
        let largest = bars.map(\.value).max() ?? 0
        let maxLabelCharacters = max(1, Int(slot / characterWidth))

        for (index, bar) in bars.enumerated() {
            // Guarded so that all-zero (or all-negative) input draws flat bars instead of NaN.
            let fraction = largest > 0 ? Double(max(0, bar.value)) / Double(largest) : 0
            let barHeight = plotHeight * fraction
            let x = sideMargin + slot * Double(index) + slot * gapFraction / 2
            let y = plotBottom - barHeight
            let center = x + barWidth / 2
            svg += """
                <g>
                <title>\(escape(bar.label)): \(bar.value)</title>
                <rect x="\(number(x))" y="\(number(y))" width="\(number(barWidth))" \
                height="\(number(barHeight))" fill="\(safeColor(bar.color))"/>
                <text x="\(number(center))" y="\(number(y - 4))" text-anchor="middle" fill="#333">\(bar.value)</text>
                <text x="\(number(center))" y="\(number(plotBottom + 15))" text-anchor="middle" \
                fill="#333">\(escape(shortened(bar.label, to: maxLabelCharacters)))</text>
                </g>

                """
        }
        svg += "</svg>\n"
        return svg
    }

    /// `color` if it is "#" and 3 to 8 hex digits, else `defaultColor` (see `SVGText.safeColor`).
    static func safeColor(_ color: String?) -> String {
        SVGText.safeColor(color, fallback: defaultColor)
    }

    /// Text safe in element content and attributes (see `SVGText.escape`).
    static func escape(_ text: String) -> String {
        SVGText.escape(text)
    }

    private static func shortened(_ label: String, to limit: Int) -> String {
        SVGText.shortened(label, to: limit)
    }

    private static func number(_ value: Double) -> String {
        SVGText.number(value)
    }
}

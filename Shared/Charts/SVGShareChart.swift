/// Shares of a whole (sales by payment method: cash, Yape, Plin, card) as standalone SVG text: one
/// horizontal bar split in proportion to the parts, and below it a legend row per part with its
/// label, formatted value and percentage. No scripts, no external references, every label
/// XML-escaped and every color validated (see `SVGText`).
///
/// A stacked bar rather than a pie because its legend rows can be read and compared on a 390 px
/// phone, where slices of a small pie cannot. The default width fits such a phone unscaled.
public enum SVGShareChart {
    /// A negative value counts as zero (a share cannot be negative); no color uses `palette`
    /// by position.
    public typealias Part = ChartItem

    /// Part colors by position when none (or an invalid one) is given, distinct next to each other.
    public static let palette = ["#2f7d4a", "#6a1b9a", "#00838f", "#1f6fb2", "#d97706", "#8a94a6", "#b3261e"]

    static let minimumWidth = 160
    static let maximumWidth = 100_000
    /// The whole drawing's height with no data, enough for the message.
    static let emptyHeight = 60

    static let fontSize = 13
    private static let barTop = 6.0
    private static let barHeight = 28.0
    private static let legendTop = 50.0
    private static let rowHeight = 26.0
    private static let side = 8.0

    /// The chart, `title` as `<title>` and aria-label (role="img"); its height follows from the
    /// number of parts. No parts, or none above zero, give a drawing with only `noDataText`.
    public static func render(
        _ parts: [Part], title: String, width: Int = 360,
        noDataText: String = "Sin datos", format: (Int) -> String = { String($0) }
    ) -> String {
        let width = min(max(width, minimumWidth), maximumWidth)
        guard parts.contains(where: { $0.value > 0 }) else {
            return SVGText.responsiveHeader(width: width, height: emptyHeight, title: title, fontSize: fontSize)
                + SVGText.emptyBody(width: width, height: emptyHeight, message: noDataText)
        }
        let height = Int(legendTop + rowHeight * Double(parts.count))
        var svg = SVGText.responsiveHeader(width: width, height: height, title: title, fontSize: fontSize)
        let shares = percentages(parts.map(\.value))
        let rows = parts.indices.map { Row(part: parts[$0], index: $0, percent: shares[$0], format: format) }
        svg += bar(rows, width: Double(width))
        svg += legend(rows, width: Double(width))
        return svg + "</svg>\n"
    }

    /// Whole percentages of each value in the total that add up to exactly 100 (largest remainder
    /// method: round all down, then give the missing points to the largest remainders, earlier
    /// parts first on ties). Negative values count as zero; with no positive value, all are 0.
    public static func percentages(_ values: [Int]) -> [Int] {
        var shares = values.map { max(0, $0) }
        var total = 0
        for share in shares {
            let (sum, overflow) = total.addingReportingOverflow(share)
            guard !overflow else {
                // Only absurd totals get here; scaling every part down keeps the proportions.
                return percentages(shares.map { $0 / max(1, shares.count) })
            }
            total = sum
        }
        guard total > 0 else { return shares.map { _ in 0 } }
        var remainders: [(index: Int, remainder: Int)] = []
        for (index, share) in shares.enumerated() {
            // Full width: share × 100 may not fit in an Int, the quotient always does.
            let (quotient, remainder) = total.dividingFullWidth(share.multipliedFullWidth(by: 100))
            shares[index] = quotient
            remainders.append((index, remainder))
        }
        let missing = 100 - shares.reduce(0, +)
        let largest = remainders.sorted { ($0.remainder, -$0.index) > ($1.remainder, -$1.index) }
        for entry in largest.prefix(missing) { shares[entry.index] += 1 }
        return shares
    }
}

// MARK: - Drawing

extension SVGShareChart {
    /// A part with what the drawing shows of it.
    private struct Row {
        let label: String
        let value: Int
        let shownValue: String
        let percent: Int
        let color: String

        init(part: Part, index: Int, percent: Int, format: (Int) -> String) {
            label = part.label
            value = max(0, part.value)
            shownValue = format(part.value)
            self.percent = percent
            color = SVGText.safeColor(part.color, fallback: SVGShareChart.palette[index % SVGShareChart.palette.count])
        }

        /// "Yape: S/ 120.00 (45%)", the tooltip with nothing cut.
        var tooltip: String { "\(label): \(shownValue) (\(percent)%)" }
    }

    private static var characterWidth: Double { SVGText.characterWidth(fontSize: Double(fontSize)) }

    /// The 100% bar: one segment per part above zero, widths in proportion to the exact values
    /// (not the rounded percentages), left to right in the parts' order.
    private static func bar(_ rows: [Row], width: Double) -> String {
        let total = rows.reduce(0.0) { $0 + Double($1.value) }
        let barWidth = width - 2 * side
        var x = side
        var svg = ""
        for row in rows where row.value > 0 {
            let segment = barWidth * Double(row.value) / total
            svg += """
                <g><title>\(SVGText.escape(row.tooltip))</title>\
                <rect x="\(SVGText.number(x))" y="\(SVGText.number(barTop))" width="\(SVGText.number(segment))" \
                height="\(SVGText.number(barHeight))" fill="\(row.color)" stroke="#fff" stroke-width="1"/></g>

                """
            x += segment
        }
        return svg
    }

    /// A row per part: color swatch, label (cut to what fits), value and percentage right-aligned.
    private static func legend(_ rows: [Row], width: Double) -> String {
        let percentRight = width - side
        let valueRight = percentRight - 5 * characterWidth - 6
        let valueWidth = Double(rows.map(\.shownValue.count).max() ?? 0) * characterWidth
        let labelCharacters = max(3, Int((valueRight - valueWidth - 12 - (side + 20)) / characterWidth))
        var svg = ""
        for (index, row) in rows.enumerated() {
            let y = legendTop + rowHeight * Double(index)
            let text = SVGText.number(y + 4)
            svg += """
                <g><title>\(SVGText.escape(row.tooltip))</title>\
                <rect x="\(SVGText.number(side))" y="\(SVGText.number(y - 8))" width="12" height="12" fill="\(row.color)"/>
                <text x="\(SVGText.number(side + 20))" y="\(text)" fill="#333">\
                \(SVGText.escape(SVGText.shortened(row.label, to: labelCharacters)))</text>
                <text x="\(SVGText.number(valueRight))" y="\(text)" text-anchor="end" fill="#333">\
                \(SVGText.escape(row.shownValue))</text>
                <text x="\(SVGText.number(percentRight))" y="\(text)" text-anchor="end" fill="#333" \
                font-weight="bold">\(row.percent)%</text></g>

                """
        }
        return svg
    }
}

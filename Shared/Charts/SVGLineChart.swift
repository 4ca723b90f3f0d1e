/// A line chart of one or two series over the same x labels (a period and the one it is compared
/// with) as standalone SVG text: no scripts, no external references, every label XML-escaped and
/// every color validated (see `SVGText`).
///
/// Values are integers (céntimos or counts) and the caller's `format` turns them into text, so
/// the chart shows "S/ 1,234.50" or "12" without knowing which. The drawing keeps its `width` and
/// `height` on wide screens and shrinks to fit a phone; x labels are thinned out so that the ones
/// shown never overlap, and every point keeps its full label and value in a `<title>` tooltip.
public enum SVGLineChart {
    public struct Series: Sendable, Equatable {
        /// Shown in the legend and the tooltips, e.g. "Este mes".
        public var name: String
        /// One value per x label; a shorter series (last month had fewer days) stops early and
        /// values past the last label are ignored.
        public var values: [Int]
        /// The tooltip labels of this series' points when they are not the x labels, e.g. the
        /// previous period's own dates; missing entries fall back to the x labels.
        public var pointLabels: [String]?
        /// A CSS color like "#2f7d4a"; nil (or invalid) uses `defaultColors` in turn.
        public var color: String?
        /// A dashed line, for the period compared with: the series then differ without color.
        public var dashed: Bool

        public init(name: String, values: [Int], pointLabels: [String]? = nil, color: String? = nil, dashed: Bool = false) {
            self.name = name
            self.values = values
            self.pointLabels = pointLabels
            self.color = color
            self.dashed = dashed
        }
    }

    /// Series colors when none (or an invalid one) is given: the console's green, then a grey
    /// that reads as "before", then more for charts with more series.
    public static let defaultColors = ["#2f7d4a", "#8a94a6", "#1f6fb2", "#d97706"]

    /// Smallest drawing that still fits the legend, a plot and the x labels, and a largest one
    /// far beyond any screen; sizes are clamped to them.
    static let minimumWidth = 120
    static let minimumHeight = 100
    static let maximumSize = 100_000

    static let fontSize = 12
    private static let legendHeight = 32.0
    private static let xLabelBand = 22.0
    /// Labels longer than this are cut ("…"); x labels are meant to be short, like "lun 03/11".
    private static let maxLabelCharacters = 12

    /// The chart, with `title` as `<title>` and aria-label (role="img"). No labels, no series or
    /// no values at all give a drawing with only the title and `noDataText`.
    public static func render(
        labels: [String], series: [Series], title: String, width: Int = 480, height: Int = 240,
        noDataText: String = "Sin datos", format: (Int) -> String = { String($0) }
    ) -> String {
        let width = min(max(width, minimumWidth), maximumSize)
        let height = min(max(height, minimumHeight), maximumSize)
        var svg = SVGText.responsiveHeader(width: width, height: height, title: title, fontSize: fontSize)
        let series = series.map { trimmed($0, to: labels.count) }
        guard series.contains(where: { !$0.values.isEmpty }) else {
            return svg + SVGText.emptyBody(width: width, height: height, message: noDataText)
        }
        let layout = Layout(labels: labels, series: series, width: Double(width), height: Double(height), format: format)
        svg += legend(series, width: Double(width))
        svg += grid(layout, format: format)
        svg += xLabels(labels, layout: layout)
        for (index, line) in series.enumerated() {
            svg += drawing(of: line, color: color(of: line, at: index), labels: labels, layout: layout, format: format)
        }
        return svg + "</svg>\n"
    }

    private static func trimmed(_ series: Series, to count: Int) -> Series {
        var series = series
        series.values = Array(series.values.prefix(count))
        return series
    }

    private static func color(of series: Series, at index: Int) -> String {
        SVGText.safeColor(series.color, fallback: defaultColors[index % defaultColors.count])
    }

    private static var characterWidth: Double { SVGText.characterWidth(fontSize: Double(fontSize)) }
}

// MARK: - Layout

extension SVGLineChart {
    /// Where the plot sits and how values and indexes map to coordinates.
    struct Layout {
        let left: Double
        let right: Double
        let top: Double
        let bottom: Double
        let ticks: [Int]
        let pointCount: Int
        /// Show every `labelStep`-th x label, so that shown labels do not overlap.
        let labelStep: Int

        init(labels: [String], series: [Series], width: Double, height: Double, format: (Int) -> String) {
            let values = series.flatMap(\.values)
            ticks = SVGLineChart.ticks(covering: min(0, values.min() ?? 0), max(0, values.max() ?? 0))
            pointCount = labels.count
            let tickWidth = Double(ticks.map { format($0).count }.max() ?? 1) * SVGLineChart.characterWidth
            let longestLabel = min(labels.map(\.count).max() ?? 1, SVGLineChart.maxLabelCharacters)
            let labelWidth = Double(longestLabel) * SVGLineChart.characterWidth + 8
            // Room for the tick values on the left and half of the outer x labels on both sides,
            // but never so much that the plot itself disappears on a narrow drawing.
            left = min(max(tickWidth + 10, labelWidth / 2), width * 0.4)
            right = width - min(max(10, labelWidth / 2), width * 0.2)
            top = SVGLineChart.legendHeight
            bottom = max(top + 1, height - SVGLineChart.xLabelBand)
            let spacing = pointCount > 1 ? (right - left) / Double(pointCount - 1) : right - left
            labelStep = max(1, Int((labelWidth / max(spacing, 1)).rounded(.up)))
        }

        var spacing: Double { pointCount > 1 ? (right - left) / Double(pointCount - 1) : 0 }

        func x(_ index: Int) -> Double {
            pointCount > 1 ? left + spacing * Double(index) : (left + right) / 2
        }

        func y(_ value: Int) -> Double {
            guard let low = ticks.first, let high = ticks.last, high > low else { return bottom }
            let fraction = (Double(value) - Double(low)) / (Double(high) - Double(low))
            return bottom - (bottom - top) * fraction
        }
    }

    /// Rounded axis values from at or below `low` to at or above `high` (the data's range with 0
    /// in it), in about four steps of 1, 2 or 5 times a power of ten, so the zero line is drawn.
    /// Overflow-safe: absurd inputs give the two ends rather than a trap.
    static func ticks(covering low: Int, _ high: Int, intervals: Int = 4) -> [Int] {
        guard high > low else { return [low] }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow else { return [low, high] }
        let step = niceStep(atLeast: span / intervals + (span % intervals == 0 ? 0 : 1))
        guard let first = multiple(of: step, near: low, roundingUp: false),
              let last = multiple(of: step, near: high, roundingUp: true) else { return [low, high] }
        var ticks = [first]
        var current = first
        while current < last {
            let (next, overflow) = current.addingReportingOverflow(step)
            guard !overflow else { break }
            current = next
            ticks.append(current)
        }
        return ticks
    }

    /// The smallest of 1, 2, 5, 10, 20, 50… that is at least `minimum` (or `minimum` itself if
    /// that sequence would overflow).
    private static func niceStep(atLeast minimum: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] {
                let (candidate, overflow) = magnitude.multipliedReportingOverflow(by: factor)
                if overflow { return minimum }
                if candidate >= minimum { return candidate }
            }
            let (next, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            if overflow { return minimum }
            magnitude = next
        }
    }

    /// The multiple of `step` at or below (or above) `value`; nil on overflow.
    private static func multiple(of step: Int, near value: Int, roundingUp: Bool) -> Int? {
        var quotient = value / step
        let remainder = value % step
        if remainder != 0 {
            if roundingUp, value > 0 { quotient += 1 }
            if !roundingUp, value < 0 { quotient -= 1 }
        }
        let (result, overflow) = quotient.multipliedReportingOverflow(by: step)
        return overflow ? nil : result
    }
}

// MARK: - Drawing

extension SVGLineChart {
    /// One row at the top: a line sample (dashed like its series) and the series name.
    private static func legend(_ series: [Series], width: Double) -> String {
        let itemWidth = (width - 16) / Double(series.count)
        let nameCharacters = max(3, Int((itemWidth - 30) / characterWidth))
        var svg = ""
        for (index, line) in series.enumerated() {
            let x = 8 + itemWidth * Double(index)
            svg += """
                <line x1="\(SVGText.number(x))" y1="12" x2="\(SVGText.number(x + 18))" y2="12" \
                stroke="\(color(of: line, at: index))" stroke-width="2"\(dash(line))/>
                <text x="\(SVGText.number(x + 24))" y="16" fill="#333">\
                \(SVGText.escape(SVGText.shortened(line.name, to: nameCharacters)))</text>

                """
        }
        return svg
    }

    /// Horizontal grid lines with their values on the left.
    private static func grid(_ layout: Layout, format: (Int) -> String) -> String {
        var svg = ""
        for tick in layout.ticks {
            let y = SVGText.number(layout.y(tick))
            svg += """
                <line x1="\(SVGText.number(layout.left))" y1="\(y)" x2="\(SVGText.number(layout.right))" \
                y2="\(y)" stroke="\(tick == 0 ? "#999" : "#e2e2e2")" stroke-width="1"/>
                <text x="\(SVGText.number(layout.left - 6))" y="\(SVGText.number(layout.y(tick) + 4))" \
                text-anchor="end" fill="#555">\(SVGText.escape(format(tick)))</text>

                """
        }
        return svg
    }

    /// The x labels that fit: every `labelStep`-th one from the first.
    private static func xLabels(_ labels: [String], layout: Layout) -> String {
        var svg = ""
        for (index, label) in labels.enumerated() where index % layout.labelStep == 0 {
            svg += """
                <text x="\(SVGText.number(layout.x(index)))" y="\(SVGText.number(layout.bottom + 16))" \
                text-anchor="middle" fill="#333">\
                \(SVGText.escape(SVGText.shortened(label, to: maxLabelCharacters)))</text>

                """
        }
        return svg
    }

    /// The series' line and a point per value, each point with its tooltip.
    private static func drawing(
        of series: Series, color: String, labels: [String], layout: Layout, format: (Int) -> String
    ) -> String {
        let coordinates = series.values.indices.map { (layout.x($0), layout.y(series.values[$0])) }
        let points = coordinates.map { "\(SVGText.number($0.0)),\(SVGText.number($0.1))" }.joined(separator: " ")
        // Small enough not to merge into a blob on a year of days, large enough to hover.
        let radius = layout.pointCount > 1 ? min(3, max(1.5, layout.spacing / 4)) : 3
        var svg = """
            <g>
            <polyline points="\(points)" fill="none" stroke="\(color)" stroke-width="2" \
            stroke-linejoin="round"\(dash(series))/>

            """
        for (index, (x, y)) in coordinates.enumerated() {
            svg += """
                <circle cx="\(SVGText.number(x))" cy="\(SVGText.number(y))" r="\(SVGText.number(radius))" \
                fill="\(color)"><title>\(SVGText.escape(tooltip(series, index: index, labels: labels, format: format)))</title></circle>

                """
        }
        return svg + "</g>\n"
    }

    /// "lun 03/11 · Este mes: S/ 120.00"; the series name is left out when empty.
    private static func tooltip(_ series: Series, index: Int, labels: [String], format: (Int) -> String) -> String {
        let own = series.pointLabels.flatMap { index < $0.count ? $0[index] : nil }
        let label = own ?? labels[index]
        let name = series.name.isEmpty ? "" : " · \(series.name)"
        return "\(label)\(name): \(format(series.values[index]))"
    }

    private static func dash(_ series: Series) -> String {
        series.dashed ? " stroke-dasharray=\"6 4\"" : ""
    }
}

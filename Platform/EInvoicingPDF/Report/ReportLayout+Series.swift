import Shared

/// The two charts: the period's sales as bars, and as a line against the period before.
extension ReportLayout {
    func barChart() -> Block {
        let values = report.bars.values
        let legend = [LegendEntry(name: report.bars.name, color: Self.houseRed, isLine: false)]
        return chart(title: report.barsTitle, legend: legend, values: values) { area in
            let slot = area.width / Double(values.count)
            let barWidth = min(slot * 0.66, 42)
            let centres = values.indices.map { area.left + (Double($0) + 0.5) * slot }
            let zero = area.y(0)
            var marks: [Mark] = zip(values, centres).map { value, centre in
                let end = area.y(value)
                return .fill(x: centre - barWidth / 2, y: min(zero, end), width: barWidth,
                             height: abs(zero - end), color: Self.houseRed)
            }
            marks += amounts(values, over: centres, slot: slot, area: area)
            marks += categoryLabels(report.barLabels, centres: centres, slot: slot, area: area)
            return marks
        }
    }

    /// Each bar's amount above it, only when every amount fits its bar's slot; with many bars
    /// the grid has to do.
    private func amounts(_ values: [Int64], over centres: [Double], slot: Double, area: ChartArea) -> [Mark] {
        let style = TextStyle.regular(6)
        let texts = values.map { Money(cents: $0).formatted }
        let widths = texts.map { setter.width($0, style) }
        guard widths.allSatisfy({ $0 <= slot - 2 }) else { return [] }
        return values.indices.map { index in
            // A negative bar hangs below zero; its amount goes above the zero line instead,
            // where it cannot run into the labels under the plot.
            let y = area.y(max(values[index], 0)) - 2
            return .text(texts[index], x: centres[index] - widths[index] / 2, baseline: y, style: style)
        }
    }

    /// This period in red over the period before in dashed grey, on the same x labels.
    func lineChart() -> Block {
        let current = report.current.values
        let previous = report.previous?.values ?? []
        let count = max(report.lineLabels.count, current.count, previous.count)
        var legend = [LegendEntry(name: report.current.name, color: Self.houseRed, isLine: true)]
        if let before = report.previous, !previous.isEmpty {
            legend.append(LegendEntry(name: before.name, color: Self.previousGray, isLine: true, dashed: true))
        }
        return chart(title: report.lineTitle, legend: legend, values: current + previous) { area in
            // Inset so the first and last dots are not cut by the plot's edges.
            let inset = 8.0
            let step = count > 1 ? (area.width - 2 * inset) / Double(count - 1) : area.width
            let xs = (0..<count).map { count > 1 ? area.left + inset + Double($0) * step : area.left + area.width / 2 }
            let dot = count <= 40 ? 1.8 : 0
            var marks: [Mark] = []
            if !previous.isEmpty {
                marks.append(line(previous, xs, area, color: Self.previousGray, width: 1.3, dashed: true, dot: dot))
            }
            if !current.isEmpty {
                marks.append(line(current, xs, area, color: Self.houseRed, width: 1.8, dashed: false, dot: dot))
            }
            marks += categoryLabels(report.lineLabels, centres: xs, slot: step, area: area)
            return marks
        }
    }

    private func line(_ values: [Int64], _ xs: [Double], _ area: ChartArea, color: RGB, width: Double,
                      dashed: Bool, dot: Double) -> Mark {
        let points = zip(xs, values).map { (x: $0, y: area.y($1)) }
        // A lone point has no line to show it: today's sales against a whole month before.
        let radius = points.count == 1 ? max(dot, 2.5) : dot
        return .polyline(points, width: width, color: color, dashed: dashed, dotRadius: radius)
    }
}

import Foundation
import Shared

/// Where a chart's values are drawn inside its block, and how an amount maps to a height.
struct ChartArea {
    let left: Double
    let right: Double
    let top: Double
    let height: Double
    let scale: ChartScale

    var width: Double { right - left }
    var bottom: Double { top + height }

    func y(_ value: Int64) -> Double {
        bottom - scale.fraction(value) * height
    }
}

/// A series' name beside a sample of how it is drawn.
struct LegendEntry {
    var name: String
    var color: RGB
    /// A line sample rather than a bar's square.
    var isLine: Bool
    var dashed = false
}

/// What both charts share: title, legend, a grid labelled in soles, labels under the plot.
extension ReportLayout {
    static let axisStyle = TextStyle.regular(6.5)
    static let plotHeight = 140.0
    /// Room above the highest grid line for the amounts printed over the bars.
    private static let headroom = 10.0

    /// The title, then `emptyText` when there are no `values`, or else the legend, the grid and
    /// what `plot` draws in the area (including its labels under it). Kept on one page.
    func chart(title: String, legend: [LegendEntry], values: [Int64], plot: (ChartArea) -> [Mark]) -> Block {
        var block = setter.clippedParagraph(title, .bold(11), x: left, width: contentWidth, maxLines: 2)
        block.append(.gap(5))
        guard !values.isEmpty else {
            block.append(emptyPanel())
            return block.keptTogether
        }
        let entries = legend.filter { !$0.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if !entries.isEmpty {
            block.append(legendRow(entries))
        }
        let scale = ChartScale(covering: values)
        let tickLabels = scale.ticks.map { Money(cents: $0).formatted }
        let gutter = (tickLabels.map { setter.width($0, Self.axisStyle) }.max() ?? 0) + 6
        let area = ChartArea(left: left + gutter, right: right, top: Self.headroom, height: Self.plotHeight, scale: scale)
        let marks = grid(area, labels: tickLabels) + plot(area)
        block.append(Block(height: area.bottom + Self.axisStyle.lineHeight + 4, marks: marks))
        return block.keptTogether
    }

    /// Thin horizontal lines at each tick with its amount on the left; zero is darker.
    private func grid(_ area: ChartArea, labels: [String]) -> [Mark] {
        zip(area.scale.ticks, labels).flatMap { tick, label -> [Mark] in
            let y = area.y(tick)
            let isZero = tick == 0
            let labelX = area.left - 5 - setter.width(label, Self.axisStyle)
            return [
                .rule(x0: area.left, y0: y, x1: area.right, y1: y, width: isZero ? 0.6 : 0.3, gray: isZero ? 0.45 : 0.82),
                .text(label, x: labelX, baseline: y + Self.axisStyle.size * 0.35, style: Self.axisStyle),
            ]
        }
    }

    /// Labels under the plot centred on `centres`; when they would touch, only every n-th.
    func categoryLabels(_ labels: [String], centres: [Double], slot: Double, area: ChartArea) -> [Mark] {
        let style = Self.axisStyle
        let texts = centres.indices.map { index in
            index < labels.count ? setter.singleLine(labels[index], style, width: 80) : ""
        }
        let widest = texts.map { setter.width($0, style) }.max() ?? 0
        let every = max(1, Int(((widest + 6) / max(slot, 0.01)).rounded(.up)))
        let baseline = area.bottom + 3 + style.ascent
        return stride(from: 0, to: texts.count, by: every).compactMap { index -> Mark? in
            guard !texts[index].isEmpty else { return nil }
            let width = setter.width(texts[index], style)
            let x = min(max(centres[index] - width / 2, left), right - width)
            return .text(texts[index], x: x, baseline: baseline, style: style)
        }
    }

    private func legendRow(_ entries: [LegendEntry]) -> Block {
        let style = TextStyle.regular(8)
        var x = left
        var marks: [Mark] = []
        for entry in entries {
            let name = setter.singleLine(entry.name, style, width: contentWidth / 2 - 40)
            guard x + 18 + setter.width(name, style) <= right else { break }
            marks.append(entry.isLine
                ? .polyline([(x, 5), (x + 14, 5)], width: 1.8, color: entry.color, dashed: entry.dashed, dotRadius: 0)
                : .fill(x: x + 2, y: 1.5, width: 8, height: 7, color: entry.color))
            marks.append(.text(name, x: x + 18, baseline: 8, style: style))
            x += 18 + setter.width(name, style) + 16
        }
        return Block(height: 12, marks: marks)
    }

    /// A grey panel with `emptyText`, where a chart without values would be.
    private func emptyPanel() -> Block {
        let height = 56.0
        var block = Block(height: height, marks: [.box(x: left, y: 0, width: contentWidth, height: height,
                                                       stroke: nil, fillGray: 0.96)])
        let text = setter.clippedParagraph(report.emptyText, .regular(9), x: left, width: contentWidth,
                                           maxLines: 1, align: .center)
        block.marks += text.marks.map { $0.moved(down: (height - text.height) / 2) }
        return block
    }
}

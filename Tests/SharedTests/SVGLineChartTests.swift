import Shared
import Testing

@Suite("SVG line chart")
struct SVGLineChartTests {
    typealias SVGProbe = SVGBarChartTests.SVGProbe

    static let labels = ["lun 02/11", "mar 03/11", "mié 04/11", "jue 05/11"]
    static let current = SVGLineChart.Series(name: "Este mes", values: [12_000, 0, 45_050, 30_000])
    static let previous = SVGLineChart.Series(
        name: "Mes anterior", values: [10_000, 20_000, 5_000],
        pointLabels: ["lun 05/10", "mar 06/10", "mié 07/10"], dashed: true
    )

    static func soles(_ cents: Int) -> String { Money(cents: Int64(cents)).formatted }

    static func render(_ series: [SVGLineChart.Series] = [current, previous], labels: [String] = labels,
                       width: Int = 480, height: Int = 240) -> String {
        SVGLineChart.render(labels: labels, series: series, title: "Ventas", width: width, height: height, format: soles)
    }

    static func numbers(_ element: SVGProbe.Element, _ names: String...) -> [Double] {
        names.map { Double(element.attributes[$0] ?? "") ?? .nan }
    }

    @Test func parsesAsAResponsiveAccessibleSVG() throws {
        let probe = SVGProbe(Self.render())
        try #require(probe.isWellFormed)
        let root = try #require(probe.elements.first)
        #expect(root.path == ["svg"])
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-label"] == "Ventas")
        #expect(root.attributes["width"] == "480" && root.attributes["height"] == "240")
        #expect(root.attributes["viewBox"] == "0 0 480 240")
        #expect(root.attributes["style"] == "max-width:100%;height:auto")
        #expect(probe.elements.first { $0.path == ["svg", "title"] }?.text == "Ventas")
    }

    @Test func drawsALineAndAPointPerValueWithTooltips() throws {
        let probe = SVGProbe(Self.render())
        try #require(probe.isWellFormed)
        let lines = probe.named("polyline")
        #expect(lines.count == 2)
        #expect(lines.map { $0.attributes["points"]?.split(separator: " ").count } == [4, 3])
        #expect(lines[0].attributes["stroke"] == SVGLineChart.defaultColors[0])
        #expect(lines[1].attributes["stroke"] == SVGLineChart.defaultColors[1])
        #expect(lines[0].attributes["stroke-dasharray"] == nil && lines[1].attributes["stroke-dasharray"] != nil)
        #expect(probe.named("circle").count == 7)
        let tooltips = probe.elements.filter { $0.path.suffix(2) == ["circle", "title"] }.map(\.text)
        #expect(tooltips.contains("mié 04/11 · Este mes: S/ 450.50"))
        #expect(tooltips.contains("lun 05/10 · Mes anterior: S/ 100.00"), "the previous period's own dates")
    }

    @Test func pointsRiseWithTheirValues() throws {
        let probe = SVGProbe(Self.render([Self.current]))
        let circles = probe.named("circle")
        try #require(circles.count == 4)
        let ys = circles.map { Self.numbers($0, "cy")[0] }
        let xs = circles.map { Self.numbers($0, "cx")[0] }
        #expect(ys[2] < ys[3] && ys[3] < ys[0] && ys[0] < ys[1], "higher values are drawn higher")
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $0 < $1 })
        #expect(xs.allSatisfy { $0 > 0 && $0 < 480 } && ys.allSatisfy { $0 > 0 && $0 < 240 })
    }

    @Test func hasALegendNamingEachSeries() {
        let probe = SVGProbe(Self.render())
        let texts = probe.named("text").map(\.text)
        #expect(texts.prefix(2) == ["Este mes", "Mes anterior"])
    }

    @Test func gridHasRoundedTicksFromZeroUp() throws {
        let probe = SVGProbe(Self.render())
        let tickTexts = probe.named("text").filter { $0.attributes["text-anchor"] == "end" }.map(\.text)
        // The largest value is S/ 450.50: about four steps of a round size, from zero up past it.
        #expect(tickTexts == ["S/ 0.00", "S/ 200.00", "S/ 400.00", "S/ 600.00"])
        let gridLines = probe.named("line").filter { $0.attributes["x1"] != nil && $0.attributes["y1"] == $0.attributes["y2"] }
        #expect(gridLines.count >= tickTexts.count)
    }

    @Test func negativeValuesGetTicksBelowZero() throws {
        let series = SVGLineChart.Series(name: "Neto", values: [-250, 900, 400])
        let probe = SVGProbe(SVGLineChart.render(labels: ["a", "b", "c"], series: [series], title: "t"))
        try #require(probe.isWellFormed)
        let ticks = probe.named("text").filter { $0.attributes["text-anchor"] == "end" }.compactMap { Int($0.text) }
        #expect(ticks.first.map { $0 <= -250 } == true && ticks.last.map { $0 >= 900 } == true)
        #expect(ticks.contains(0))
    }

    @Test func thinsOutLabelsThatWouldOverlap() throws {
        let labels = (1...31).map { "día \($0 < 10 ? "0" : "")\($0)/12" }
        let series = SVGLineChart.Series(name: "Diciembre", values: Array(1...31))
        let probe = SVGProbe(SVGLineChart.render(labels: labels, series: [series], title: "t", width: 360, height: 200))
        try #require(probe.isWellFormed)
        let shown = probe.named("text").filter { $0.attributes["text-anchor"] == "middle" }
        #expect(shown.count < 31 && shown.count >= 3)
        #expect(shown.first?.text == "día 01/12")
        let xs = shown.map { Self.numbers($0, "x")[0] }
        let minimumGap = Double("día 01/12".count) * 7.2
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 >= minimumGap })
        #expect(probe.named("circle").count == 31, "every point keeps its tooltip")
    }

    @Test func escapesLabelsNamesAndTitle() throws {
        let nasty = "<script>alert(1)</script> & \"Co\""
        let series = SVGLineChart.Series(name: nasty, values: [1])
        let svg = SVGLineChart.render(labels: [nasty], series: [series], title: "Ventas <script> & 'más'")
        #expect(!svg.contains("<script"))
        let probe = SVGProbe(svg)
        try #require(probe.isWellFormed)
        #expect(probe.named("script").isEmpty)
        #expect(probe.elements.first?.attributes["aria-label"] == "Ventas <script> & 'más'")
        #expect(probe.named("title").contains { $0.text == "\(nasty) · \(nasty): 1" })
    }

    @Test(arguments: ["red", "#12", "#12345g", "\"/><script>", "#fff\" onload=\"x", "url(#a)", ""])
    func rejectsBadColors(color: String) throws {
        let series = SVGLineChart.Series(name: "x", values: [1, 2], color: color)
        let svg = SVGLineChart.render(labels: ["a", "b"], series: [series], title: "t")
        let probe = SVGProbe(svg)
        try #require(probe.isWellFormed)
        #expect(probe.named("polyline").first?.attributes["stroke"] == SVGLineChart.defaultColors[0])
        #expect(!svg.contains("onload") && !svg.contains("<script"))
    }

    @Test func keepsHexColors() {
        let series = SVGLineChart.Series(name: "x", values: [1, 2], color: "#C0392B")
        let probe = SVGProbe(SVGLineChart.render(labels: ["a", "b"], series: [series], title: "t"))
        #expect(probe.named("polyline").first?.attributes["stroke"] == "#C0392B")
        #expect(probe.named("circle").allSatisfy { $0.attributes["fill"] == "#C0392B" })
    }

    @Test(arguments: [
        ([String](), [SVGLineChart.Series(name: "x", values: [1, 2])]),
        (["a", "b"], []),
        (["a", "b"], [SVGLineChart.Series(name: "x", values: [])]),
    ])
    func emptyInputSaysThereIsNoData(labels: [String], series: [SVGLineChart.Series]) throws {
        let probe = SVGProbe(SVGLineChart.render(labels: labels, series: series, title: "Vacío"))
        try #require(probe.isWellFormed)
        #expect(probe.named("polyline").isEmpty && probe.named("circle").isEmpty)
        #expect(probe.named("text").map(\.text) == ["Sin datos"])
        #expect(probe.elements.first?.attributes["aria-label"] == "Vacío")
        let english = SVGProbe(SVGLineChart.render(labels: labels, series: series, title: "Empty", noDataText: "No data"))
        #expect(english.named("text").map(\.text) == ["No data"])
    }

    @Test func allZeroDrawsAFlatLineOnTheZeroTick() throws {
        let series = SVGLineChart.Series(name: "x", values: [0, 0, 0])
        let probe = SVGProbe(SVGLineChart.render(labels: ["a", "b", "c"], series: [series], title: "t"))
        try #require(probe.isWellFormed)
        let ys = Set(probe.named("circle").map { $0.attributes["cy"] })
        #expect(ys.count == 1)
        #expect(probe.named("text").filter { $0.attributes["text-anchor"] == "end" }.map(\.text) == ["0"])
    }

    @Test func singlePointIsCentred() throws {
        let series = SVGLineChart.Series(name: "Hoy", values: [500])
        let probe = SVGProbe(SVGLineChart.render(labels: ["sáb 21/11"], series: [series], title: "t", width: 400))
        let circle = try #require(probe.named("circle").first)
        #expect(abs(Self.numbers(circle, "cx")[0] - 200) < 30)
    }

    @Test func absurdSizesAndValuesAreSafe() throws {
        let series = SVGLineChart.Series(name: "x", values: [Int.min, Int.max, 0])
        for (width, height) in [(0, 0), (-10, -10), (Int.max, Int.max)] {
            let probe = SVGProbe(SVGLineChart.render(labels: ["a", "b", "c"], series: [series], title: "t",
                                                     width: width, height: height))
            try #require(probe.isWellFormed)
            #expect(probe.named("circle").count == 3)
        }
        let huge = SVGLineChart.Series(name: "x", values: [Int.max, Int.max - 1])
        #expect(SVGProbe(SVGLineChart.render(labels: ["a", "b"], series: [huge], title: "t")).isWellFormed)
    }

    @Test func hasNoScriptsOrExternalReferences() {
        let svg = Self.render()
        for forbidden in ["<script", "href", "<image", "<foreignObject", "url(", " on"] {
            #expect(!svg.contains(forbidden), "found \(forbidden)")
        }
    }
}

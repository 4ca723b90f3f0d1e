import Shared
import Testing

@Suite("SVG share chart")
struct SVGShareChartTests {
    typealias SVGProbe = SVGBarChartTests.SVGProbe

    static let payments = [
        SVGShareChart.Part(label: "Efectivo", value: 45_000),
        SVGShareChart.Part(label: "Yape", value: 30_050),
        SVGShareChart.Part(label: "Plin", value: 0),
        SVGShareChart.Part(label: "Tarjeta", value: 24_950),
    ]

    static func soles(_ cents: Int) -> String { Money(cents: Int64(cents)).formatted }

    static func render(_ parts: [SVGShareChart.Part] = payments, width: Int = 360) -> String {
        SVGShareChart.render(parts, title: "Ventas por medio de pago", width: width, format: soles)
    }

    static func number(_ element: SVGProbe.Element, _ name: String) -> Double {
        Double(element.attributes[name] ?? "") ?? .nan
    }

    @Test func parsesAsAResponsiveAccessibleSVG() throws {
        let probe = SVGProbe(Self.render())
        try #require(probe.isWellFormed)
        let root = try #require(probe.elements.first)
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-label"] == "Ventas por medio de pago")
        #expect(root.attributes["width"] == "360")
        #expect(root.attributes["viewBox"] == "0 0 360 \(root.attributes["height"] ?? "")")
        #expect(root.attributes["style"] == "max-width:100%;height:auto")
        #expect(probe.elements.first { $0.path == ["svg", "title"] }?.text == "Ventas por medio de pago")
    }

    @Test func barSegmentsFillTheWidthInProportion() throws {
        let probe = SVGProbe(Self.render())
        // Segments are 28 px tall; legend swatches are 12.
        let segments = probe.named("rect").filter { $0.attributes["height"] == "28" }
        try #require(segments.count == 3, "no segment for a part at zero")
        let widths = segments.map { Self.number($0, "width") }
        #expect(abs(widths.reduce(0, +) - (360 - 16)) < 0.05)
        #expect(abs(widths[0] / widths.reduce(0, +) - 0.45) < 0.001)
        let xs = segments.map { Self.number($0, "x") }
        for index in 1..<xs.count {
            #expect(abs(xs[index] - (xs[index - 1] + widths[index - 1])) < 0.02, "segments touch, left to right")
        }
    }

    @Test func legendGivesLabelValueAndPercentage() throws {
        let probe = SVGProbe(Self.render())
        try #require(probe.isWellFormed)
        let texts = probe.named("text").map(\.text)
        #expect(texts == [
            "Efectivo", "S/ 450.00", "45%",
            "Yape", "S/ 300.50", "30%",
            "Plin", "S/ 0.00", "0%",
            "Tarjeta", "S/ 249.50", "25%",
        ])
        #expect(probe.named("title").contains { $0.text == "Yape: S/ 300.50 (30%)" })
    }

    @Test(arguments: [
        ([1, 1, 1], [34, 33, 33]),
        ([45_000, 30_050, 0, 24_950], [45, 30, 0, 25]),
        ([1, 2], [33, 67]),
        ([1, 0, 0], [100, 0, 0]),
        ([1, 1_000_000], [0, 100]),
        ([5, 5, 5, 5, 5, 5, 5], [15, 15, 14, 14, 14, 14, 14]),
        ([-10, 10], [0, 100]),
        ([0, 0], [0, 0]),
        ([Int.max, Int.max], [50, 50]),
        ([Int.max, Int.max / 3], [75, 25]),
    ])
    func percentagesAddUpToAHundred(values: [Int], expected: [Int]) {
        let shares = SVGShareChart.percentages(values)
        #expect(shares == expected)
        if values.contains(where: { $0 > 0 }) { #expect(shares.reduce(0, +) == 100) }
    }

    @Test func manyUnevenPartsStillAddUpToAHundred() {
        for count in 1...12 {
            let values = (1...count).map { $0 * 7_919 % 1_013 + 1 }
            #expect(SVGShareChart.percentages(values).reduce(0, +) == 100)
        }
        #expect(SVGShareChart.percentages([]) == [])
    }

    @Test func longLabelsFitAPhoneAndStayInTheTooltip() throws {
        let label = "Transferencia bancaria interbancaria diferida"
        let parts = [SVGShareChart.Part(label: label, value: 123_456_789), SVGShareChart.Part(label: "Yape", value: 1)]
        let probe = SVGProbe(Self.render(parts, width: 360))
        try #require(probe.isWellFormed)
        let shown = try #require(probe.named("text").first?.text)
        #expect(shown.hasSuffix("…") && shown.count < label.count)
        // Characters average about 0.6 em: the label ends before the right-aligned value starts.
        let labelX = Self.number(try #require(probe.named("text").first), "x")
        let valueX = Self.number(probe.named("text")[1], "x")
        let value = probe.named("text")[1].text
        #expect(labelX + Double(shown.count) * 7.8 < valueX - Double(value.count) * 7.8)
        #expect(probe.named("title").contains { $0.text.hasPrefix(label) })
    }

    @Test func escapesLabelsAndTitle() throws {
        let nasty = "<script>alert(1)</script> & \"Co\""
        let svg = SVGShareChart.render([SVGShareChart.Part(label: nasty, value: 3)], title: "Pagos <b> & 'más'", width: 600)
        #expect(!svg.contains("<script") && !svg.contains("<b>"))
        let probe = SVGProbe(svg)
        try #require(probe.isWellFormed)
        #expect(probe.elements.first?.attributes["aria-label"] == "Pagos <b> & 'más'")
        #expect(probe.named("title").contains { $0.text == "\(nasty): 3 (100%)" })
        #expect(probe.named("text").first?.text == nasty)
    }

    @Test(arguments: ["red", "#12", "#12345g", "\"/><script>", "#fff\" onload=\"x", "url(#a)", ""])
    func badColorsFallBackToThePalette(color: String) throws {
        let parts = [SVGShareChart.Part(label: "a", value: 1), SVGShareChart.Part(label: "b", value: 1, color: color)]
        let svg = Self.render(parts)
        let probe = SVGProbe(svg)
        try #require(probe.isWellFormed)
        let fills = probe.named("rect").map { $0.attributes["fill"] }
        #expect(fills == [SVGShareChart.palette[0], SVGShareChart.palette[1], SVGShareChart.palette[0], SVGShareChart.palette[1]])
        #expect(!svg.contains("onload") && !svg.contains("<script"))
    }

    @Test func keepsHexColors() {
        let parts = [SVGShareChart.Part(label: "Yape", value: 1, color: "#742284")]
        let probe = SVGProbe(Self.render(parts))
        #expect(probe.named("rect").allSatisfy { $0.attributes["fill"] == "#742284" })
    }

    @Test(arguments: [
        [SVGShareChart.Part](),
        [SVGShareChart.Part(label: "Efectivo", value: 0), SVGShareChart.Part(label: "Yape", value: 0)],
        [SVGShareChart.Part(label: "Devoluciones", value: -500)],
    ])
    func emptyOrZeroInputSaysThereIsNoData(parts: [SVGShareChart.Part]) throws {
        let probe = SVGProbe(Self.render(parts))
        try #require(probe.isWellFormed)
        #expect(probe.named("rect").isEmpty)
        #expect(probe.named("text").map(\.text) == ["Sin datos"])
        let english = SVGProbe(SVGShareChart.render(parts, title: "t", noDataText: "No data"))
        #expect(english.named("text").map(\.text) == ["No data"])
    }

    @Test func heightGrowsWithTheLegend() throws {
        let height = { (count: Int) -> Int? in
            let parts = (0..<count).map { SVGShareChart.Part(label: "p\($0)", value: 1) }
            return SVGProbe(Self.render(parts)).elements.first?.attributes["height"].flatMap { Int($0) }
        }
        let two = try #require(height(2))
        let four = try #require(height(4))
        #expect(four > two)
        let probe = SVGProbe(Self.render())
        let bottom = probe.named("text").map { Self.number($0, "y") }.max() ?? .infinity
        #expect(bottom < Double(probe.elements.first?.attributes["height"] ?? "") ?? 0)
    }

    @Test func absurdWidthsAreClamped() throws {
        for width in [0, -10, Int.max] {
            let probe = SVGProbe(Self.render(width: width))
            try #require(probe.isWellFormed)
            #expect(probe.named("rect").allSatisfy { Self.number($0, "width") >= 0 })
        }
    }

    @Test func hasNoScriptsOrExternalReferences() {
        let svg = Self.render()
        for forbidden in ["<script", "href", "<image", "<foreignObject", "url(", " on"] {
            #expect(!svg.contains(forbidden), "found \(forbidden)")
        }
    }
}

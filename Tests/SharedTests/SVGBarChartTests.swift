import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Shared
import Testing

@Suite("SVG bar chart")
struct SVGBarChartTests {
    /// The elements of a parsed SVG, in document order, with their attributes and text.
    final class SVGProbe: NSObject, XMLParserDelegate {
        struct Element {
            let path: [String]
            let attributes: [String: String]
            var text: String
        }

        private(set) var elements: [Element] = []
        private var stack: [Int] = []
        private(set) var isWellFormed = false

        init(_ svg: String) {
            super.init()
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = self
            isWellFormed = parser.parse()
        }

        func named(_ name: String) -> [Element] { elements.filter { $0.path.last == name } }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let parent = stack.last.map { elements[$0].path } ?? []
            elements.append(Element(path: parent + [elementName], attributes: attributes, text: ""))
            stack.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = stack.last { elements[index].text += string }
        }
    }

    static let sales = [
        SVGBarChart.Bar(label: "Ene", value: 10),
        SVGBarChart.Bar(label: "Feb", value: 40, color: "#c0392b"),
        SVGBarChart.Bar(label: "Mar", value: 20),
        SVGBarChart.Bar(label: "Abr", value: 0),
    ]

    @Test func parsesAsSVGWithTitleAndAriaLabel() throws {
        let probe = SVGProbe(SVGBarChart.render(Self.sales, title: "Ventas 2026", width: 400, height: 200))
        try #require(probe.isWellFormed)
        let root = try #require(probe.elements.first)
        #expect(root.path == ["svg"])
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-label"] == "Ventas 2026")
        #expect(root.attributes["width"] == "400" && root.attributes["height"] == "200")
        #expect(probe.elements.first { $0.path == ["svg", "title"] }?.text == "Ventas 2026")
    }

    @Test func oneRectPerBarWithProportionalHeights() throws {
        let probe = SVGProbe(SVGBarChart.render(Self.sales, title: "Ventas"))
        try #require(probe.isWellFormed)
        let rects = probe.named("rect")
        #expect(rects.count == Self.sales.count)
        let heights = rects.map { Double($0.attributes["height"] ?? "") ?? -1 }
        let tallest = try #require(heights.max())
        #expect(tallest > 100, "the largest value uses most of the 220px height")
        for (bar, height) in zip(Self.sales, heights) {
            #expect(abs(height / tallest - Double(bar.value) / 40) < 0.001)
        }
        // Bars stand on one baseline and go left to right without overlapping.
        let bottoms = rects.map { Double($0.attributes["y"]!)! + Double($0.attributes["height"]!)! }
        #expect(Set(bottoms.map { ($0 * 100).rounded() }).count == 1)
        let xs = rects.map { Double($0.attributes["x"]!)! }
        let width = Double(rects[0].attributes["width"]!)!
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 > width })
        #expect(xs.last! + width <= 480)
    }

    @Test func printsValuesAndLabels() throws {
        let probe = SVGProbe(SVGBarChart.render(Self.sales, title: "Ventas"))
        let texts = probe.named("text").map(\.text)
        #expect(texts == ["10", "Ene", "40", "Feb", "20", "Mar", "0", "Abr"])
    }

    @Test func escapesLabelsAndTitle() throws {
        let svg = SVGBarChart.render(
            [SVGBarChart.Bar(label: "<script>alert(1)</script> & \"Co\"", value: 3)],
            title: "Ventas <script> & 'más'"
        )
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(svg.contains("&amp;"))
        let probe = SVGProbe(svg)
        try #require(probe.isWellFormed)
        #expect(probe.named("script").isEmpty)
        #expect(probe.elements.first?.attributes["aria-label"] == "Ventas <script> & 'más'")
        #expect(probe.elements.first { $0.path == ["svg", "title"] }?.text == "Ventas <script> & 'más'")
        #expect(probe.named("title").contains { $0.text == "<script>alert(1)</script> & \"Co\": 3" })
    }

    @Test func dropsCharactersXMLForbids() throws {
        let probe = SVGProbe(SVGBarChart.render([SVGBarChart.Bar(label: "a\u{0}b\u{1B}c", value: 1)], title: "t\u{7}"))
        #expect(probe.isWellFormed)
        #expect(probe.named("text").map(\.text).contains("abc"))
    }

    @Test(arguments: [
        "red", "#12", "#123456789", "#12345g", "\"/><script>", "#fff\" onload=\"x", "url(#a)", "#fff;", " #fff", "",
    ])
    func rejectsBadColors(color: String) throws {
        let svg = SVGBarChart.render([SVGBarChart.Bar(label: "x", value: 1, color: color)], title: "t")
        let probe = SVGProbe(svg)
        try #require(probe.isWellFormed)
        #expect(probe.named("rect").first?.attributes["fill"] == SVGBarChart.defaultColor)
        #expect(!svg.contains("onload") && !svg.contains("<script"))
    }

    @Test(arguments: ["#fff", "#2F7D4A", "#2f7d4a80", "#abcd"])
    func keepsHexColors(color: String) {
        let probe = SVGProbe(SVGBarChart.render([SVGBarChart.Bar(label: "x", value: 1, color: color)], title: "t"))
        #expect(probe.named("rect").first?.attributes["fill"] == color)
    }

    @Test func allZeroDrawsFlatBars() throws {
        let bars = [SVGBarChart.Bar(label: "a", value: 0), SVGBarChart.Bar(label: "b", value: 0)]
        let probe = SVGProbe(SVGBarChart.render(bars, title: "Nada"))
        try #require(probe.isWellFormed)
        #expect(probe.named("rect").count == 2)
        #expect(probe.named("rect").allSatisfy { $0.attributes["height"] == "0" })
        #expect(probe.named("text").map(\.text) == ["0", "a", "0", "b"])
    }

    @Test func negativeValuesAreFlat() throws {
        let bars = [SVGBarChart.Bar(label: "a", value: -5), SVGBarChart.Bar(label: "b", value: 5)]
        let probe = SVGProbe(SVGBarChart.render(bars, title: "t"))
        #expect(probe.named("rect").first?.attributes["height"] == "0")
        #expect(probe.named("text").first?.text == "-5")
    }

    @Test func emptyInputSaysThereIsNoData() throws {
        let probe = SVGProbe(SVGBarChart.render([], title: "Vacío"))
        try #require(probe.isWellFormed)
        #expect(probe.named("rect").isEmpty)
        #expect(probe.named("text").map(\.text) == ["Sin datos"])
        #expect(probe.elements.first?.attributes["aria-label"] == "Vacío")
    }

    @Test func longLabelsAreShortenedButKeptInTheTooltip() throws {
        let label = "Restaurante El Buen Sabor de Miraflores"
        let bars = (1...8).map { SVGBarChart.Bar(label: $0 == 1 ? label : "x\($0)", value: $0) }
        let probe = SVGProbe(SVGBarChart.render(bars, title: "t", width: 320))
        let shown = try #require(probe.named("text").dropFirst().first?.text)
        #expect(shown.hasSuffix("…") && shown.count < label.count)
        #expect(probe.named("title").contains { $0.text == "\(label): 1" })
    }

    @Test func absurdSizesAreClamped() throws {
        for (width, height) in [(0, 0), (-10, -10), (Int.max, Int.max)] {
            let probe = SVGProbe(SVGBarChart.render(Self.sales, title: "t", width: width, height: height))
            try #require(probe.isWellFormed)
            #expect(probe.named("rect").allSatisfy { (Double($0.attributes["height"]!) ?? -1) >= 0 })
        }
    }

    @Test func hasNoScriptsOrExternalReferences() {
        let svg = SVGBarChart.render(Self.sales, title: "t")
        for forbidden in ["<script", "href", "<image", "<foreignObject", "url(", "style=", " on"] {
            #expect(!svg.contains(forbidden), "found \(forbidden)")
        }
    }
}

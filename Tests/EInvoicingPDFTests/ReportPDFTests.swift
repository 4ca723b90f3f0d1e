import EInvoicingPDF
import Foundation
import Shared
import TestSupport
import Testing

/// Reports the tests print: a busy three weeks with accents everywhere, and one with no sales.
enum SampleReports {
    static let productColumns = ["Descripción del producto", "Unidades vendidas", "Importe"]
    static let longCustomer = String(repeating: "Compañía Minera Añaños del Sur ", count: 12) + "S.R.L."

    static func money(_ cents: Int64) -> String {
        Money(cents: cents).formatted
    }

    static func product(_ index: Int) -> [String] {
        ["Piña golden de Chanchamayo número \(index)", "\(index)", money(Int64(index) * 1_250)]
    }

    static func products(count: Int) -> ReportPDF.Table {
        let units = count * (count + 1) / 2
        return ReportPDF.Table(title: "Ventas por producto", columns: productColumns,
                               rows: (1...count).map(product), numericColumns: [1, 2],
                               totalRow: ["Total general", "\(units)", money(Int64(units) * 1_250)])
    }

    static func busy(productCount: Int = 120) -> ReportPDF {
        let days = (1...21).map { String(format: "%02d/11", $0) }
        let daily = (1...21).map { Int64(($0 * 37 % 11) * 9_000 + 15_000) }
        return ReportPDF(
            title: "Reporte de ventas", business: "Bodega Doña Rosa · RUC 20100070970",
            period: "01/11/2026 – 21/11/2026", logoPNG: SampleDocuments.logoPNG,
            figures: [.init(label: "Total vendido", value: money(1_234_550)),
                      .init(label: "Comprobantes emitidos", value: "187"),
                      .init(label: "Ticket promedio", value: money(6_602)),
                      .init(label: "Notas de crédito", value: money(-12_000))],
            barsTitle: "Ventas por día", barLabels: days, bars: .init(name: "Ventas", values: daily),
            lineTitle: "Frente al periodo anterior", lineLabels: days,
            current: .init(name: "Este periodo", values: daily),
            previous: .init(name: "Periodo anterior", values: daily.reversed().map { $0 * 3 / 4 }),
            tables: [
                .init(title: "Ventas por cliente", columns: ["Cliente", "Comprobantes", "Total"],
                      rows: [["Compañía Minera Añaños S.R.L.", "12", money(452_000)], [longCustomer, "3", money(9_950)],
                             ["Cliente varios", "172", money(772_600)]],
                      numericColumns: [1, 2], totalRow: ["Total", "187", money(1_234_550)]),
                products(count: productCount),
                .init(title: "Ventas por medio de pago", columns: ["Medio de pago", "Total"],
                      rows: [["Efectivo", money(734_550)], ["Yape", money(500_000)]], numericColumns: [1]),
                .init(title: "Ventas por vendedor", columns: ["Vendedor", "Comprobantes", "Total"],
                      rows: [["Begoña Muñoz", "120", money(800_000)], ["José Ñáñez", "67", money(434_550)]],
                      numericColumns: [1, 2]),
            ],
            generatedAt: "Generado el 21/11/2026 10:15")
    }

    static func empty() -> ReportPDF {
        ReportPDF(title: "Reporte de ventas", business: "Bodega Doña Rosa", period: "01/11/2026 – 01/11/2026",
                  barsTitle: "Ventas por día", bars: .init(name: "Ventas", values: []),
                  lineTitle: "Frente al periodo anterior", current: .init(name: "Este periodo", values: []),
                  tables: [.init(title: "Ventas por cliente", columns: ["Cliente", "Total"], rows: [], numericColumns: [1])],
                  generatedAt: "Generado el 01/11/2026 08:00")
    }
}

@Suite("Sales report PDF")
struct ReportPDFTests {
    private func read(_ report: ReportPDF) throws -> PDFProbe {
        try PDFProbe.read(report.render())
    }

    private func expectA4(_ probe: PDFProbe) {
        for size in probe.sizes {
            #expect(abs(size[0] - 595.28) < 0.1 && abs(size[1] - 841.89) < 0.1, "page of \(size)")
        }
    }

    @Test("prints header, figures, charts and tables as text over numbered A4 pages")
    func content() throws {
        let report = SampleReports.busy()
        let probe = try read(report)
        #expect(probe.pages >= 3)
        expectA4(probe)
        let text = probe.flatText
        for phrase in [report.title, report.business, report.period, "Ventas por día", "Frente al periodo anterior",
                       "Este periodo", "Periodo anterior", "Ventas por vendedor", "José Ñáñez", "Generado el 21/11/2026 10:15"] {
            #expect(text.contains(PDFProbe.flatten(phrase)), "missing \(phrase)")
        }
        for figure in report.figures {
            #expect(text.contains(figure.label) && text.contains(figure.value), "missing figure \(figure.label)")
        }
        #expect(text.contains("Total general 7260 S/ 90,750.00"))
        #expect(text.contains("Total 187 S/ 12,345.50"))
        // Axis labels are soles from céntimos.
        #expect(text.contains("S/ 0.00") && text.contains("S/ 1,000.00"))
        let count = probe.pages
        for (index, page) in probe.text.enumerated() {
            #expect(PDFProbe.flatten(page).contains("Página \(index + 1) de \(count)"))
        }
        #expect(probe.images.first == 1)
        PrintedChecks.expectEmbeddedDejaVu(probe)
        PrintedChecks.expectTextInsidePages(probe, margin: 24)
    }

    @Test("continues a 120-row table over pages, repeating its column titles, never splitting a row")
    func longTable() throws {
        let probe = try read(SampleReports.busy())
        let pages = probe.text.map(PDFProbe.flatten)
        let titles = SampleReports.productColumns.joined(separator: " ")
        let withRows = pages.indices.filter { pages[$0].contains("Piña golden") }
        #expect(withRows.count >= 2)
        for index in withRows {
            #expect(pages[index].contains(titles), "page \(index + 1) lacks the column titles")
        }
        var lastPage = 0
        for number in 1...120 {
            let line = SampleReports.product(number).joined(separator: " ")
            let found = pages.indices.filter { pages[$0].contains(line) }
            #expect(found.count == 1, "row \(number) on pages \(found)")
            if let page = found.first {
                #expect(page >= lastPage, "row \(number) out of order")
                lastPage = page
            }
        }
    }

    @Test("cuts a cell too long for its column with an ellipsis")
    func longCell() throws {
        let probe = try read(SampleReports.busy(productCount: 3))
        #expect(probe.flatText.contains("…"))
        #expect(!probe.flatText.contains(PDFProbe.flatten(SampleReports.longCustomer)))
        #expect(probe.flatText.contains("3 S/ 99.50"))
        PrintedChecks.expectTextInsidePages(probe, margin: 24)
    }

    @Test("prints a report without sales on one page, saying there is no data")
    func empty() throws {
        let probe = try read(SampleReports.empty())
        #expect(probe.pages == 1)
        expectA4(probe)
        #expect(probe.flatText.contains("Sin datos"))
        #expect(probe.flatText.contains("Página 1 de 1"))
        #expect(probe.flatText.contains("Cliente Total"))
        #expect(probe.images == [0])

        var bare = SampleReports.empty()
        bare.tables = []
        bare.emptyText = "No sales"
        bare.pageLabel = "Page {n} of {count}"
        let english = try read(bare)
        #expect(english.pages == 1 && english.flatText.contains("No sales") && english.flatText.contains("Page 1 of 1"))
    }

    @Test("survives negative days, mismatched labels, ragged rows, control characters and huge amounts")
    func oddData() throws {
        var report = SampleReports.busy(productCount: 5)
        report.bars = .init(name: "Ventas\tnetas", values: [15_000, -40_000, 0, Int64.max, Int64.min])
        report.barLabels = ["lun\n01/11", "mar\u{0}02/11"]
        report.current = .init(name: "Hoy", values: [12_345])
        report.previous = .init(name: "Ayer", values: (1...400).map { Int64($0) * 100 })
        report.lineLabels = []
        report.tables.append(.init(title: String(repeating: "Título larguísimo ", count: 200),
                                   columns: ["Solo una"],
                                   rows: [[], ["a", "b", "c"], [String(repeating: "x", count: 5_000)]],
                                   numericColumns: [0, 7], totalRow: ["Σ"]))
        let probe = try read(report)
        expectA4(probe)
        #expect(probe.flatText.contains("Página \(probe.pages) de \(probe.pages)"))
        #expect(probe.flatText.contains("Σ"))
        PrintedChecks.expectTextInsidePages(probe, margin: 24)
    }

    @Test("rejects a logo that is not a PNG")
    func invalidLogo() {
        var report = SampleReports.empty()
        report.logoPNG = Data("GIF89a".utf8)
        #expect(throws: InvoicePDFError.invalidLogo) { try report.render() }
    }
}

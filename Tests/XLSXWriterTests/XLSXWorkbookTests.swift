import Foundation
import Shared
import TestSupport
import Testing
import XLSXWriter

/// Writes a report-like workbook and reads it back with openpyxl (tests/support/xlsx_probe.py).
@Suite struct XLSXWorkbookTests {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> LimaDate {
        LimaDate(year: year, month: month, day: day)!
    }

    static let sales = XLSXSheet(
        name: "Ventas por día",
        columns: [XLSXColumn(title: "Producto", width: 30), XLSXColumn(title: "Fecha", width: 12),
                  XLSXColumn(title: "Cantidad", width: 10), XLSXColumn(title: "Total", width: 14.5),
                  XLSXColumn(title: "Nota", width: 20)],
        rows: [
            [.text("Piña y ñandú en oferta, ¡qué año!"), .date(date(2026, 1, 5)), .integer(3),
             .money(Money(cents: 123_450)), .text("=1+1")],
            [.text("Café pasado"), .date(date(2025, 12, 31)), .integer(12), .money(Money(cents: 10)), .empty],
            [.text("Devolución"), .date(date(2024, 2, 29)), .integer(-1), .money(Money(cents: -2_575)),
             .decimal(Decimal(string: "2.5")!)],
        ])

    static let summary = XLSXSheet(
        name: "Resumen: 01/2026 [borrador]*?",
        columns: [XLSXColumn(title: "Mes", width: 16), XLSXColumn(title: "Ventas", width: 10),
                  XLSXColumn(title: "Dólares", width: 14)],
        rows: [
            [.text("Enero"), .integer(1_234), .money(Money(cents: 9_999_999, currency: .usd))],
            [.date(date(1899, 12, 31))],
        ])

    static let workbook = XLSXWorkbook(sheets: [
        sales, summary,
        XLSXSheet(name: "ventas POR DÍA", columns: [XLSXColumn(title: "Copia", width: 9)], rows: []),
        XLSXSheet(name: " '' ", columns: [], rows: [[.text("sin cabecera")]]),
    ])

    @Test func sheetNamesAreSanitizedAndUnique() throws {
        let probe = try XLSXProbe.read(Self.workbook.data())
        #expect(probe.sheets.map(\.name) == ["Ventas por día", "Resumen- 01-2026 (borrador)--", "ventas POR DÍA (2)", "Hoja 4"])
    }

    @Test func headerIsBoldFrozenFilteredAndColumnsHaveTheirWidths() throws {
        let sheet = try XLSXProbe.read(Self.workbook.data()).sheets[0]
        #expect(sheet.freezePanes == "A2")
        #expect(sheet.autoFilter == "A1:E4")
        #expect(sheet.headerBold == [true, true, true, true, true])
        #expect(sheet.rows[0].map(\.value) == ["Producto", "Fecha", "Cantidad", "Total", "Nota"].map(JSON.string))
        // Excel stores the width plus the cell padding, rounded to whole pixels.
        for (letter, width) in ["A": 30.0, "B": 12, "C": 10, "D": 14.5, "E": 20] {
            let stored = try #require(sheet.widths[letter], "no width for \(letter)")
            #expect(stored >= width && stored < width + 1, "\(letter): \(stored)")
        }
    }

    @Test func cellsAreRealNumbersDatesAndText() throws {
        let rows = try XLSXProbe.read(Self.workbook.data()).sheets[0].rows
        let money = "\"S/ \"#,##0.00"
        #expect(rows[1] == [
            cell(.string("Piña y ñandú en oferta, ¡qué año!"), "str", "s"),
            cell(.string("2026-01-05T00:00:00"), "datetime", "d", format: "dd/mm/yyyy"),
            cell(.number(3), "int", "n"),
            cell(.number(1234.5), "float", "n", format: money),
            cell(.string("=1+1"), "str", "s"),
        ])
        #expect(rows[2] == [
            cell(.string("Café pasado"), "str", "s"),
            cell(.string("2025-12-31T00:00:00"), "datetime", "d", format: "dd/mm/yyyy"),
            cell(.number(12), "int", "n"),
            cell(.number(0.1), "float", "n", format: money),
            cell(.null, "NoneType", "n"),
        ])
        #expect(rows[3] == [
            cell(.string("Devolución"), "str", "s"),
            cell(.string("2024-02-29T00:00:00"), "datetime", "d", format: "dd/mm/yyyy"),
            cell(.number(-1), "int", "n"),
            cell(.number(-25.75), "float", "n", format: money),
            cell(.number(2.5), "float", "n"),
        ])
    }

    @Test func dollarsHaveTheirSymbolAndDatesBefore1900AreText() throws {
        let rows = try XLSXProbe.read(Self.workbook.data()).sheets[1].rows
        #expect(rows[1][2] == cell(.number(99_999.99), "float", "n", format: "\"US$ \"#,##0.00"))
        #expect(rows[2][0] == cell(.string("31/12/1899"), "str", "s"))
    }

    @Test func sheetWithoutColumnsHasNoHeader() throws {
        let sheet = try XLSXProbe.read(Self.workbook.data()).sheets[3]
        #expect(sheet.freezePanes == nil)
        #expect(sheet.autoFilter == nil)
        #expect(sheet.rows.map { $0.map(\.value) } == [[.string("sin cabecera")]])
    }

    private func cell(_ value: JSON, _ type: String, _ dataType: String, format: String = "General") -> XLSXProbe.Cell {
        XLSXProbe.Cell(value: value, type: type, dataType: dataType, format: format)
    }
}

import Foundation
import Shared
import TestSupport
import Testing
import XLSXWriter

/// Refusals reach the caller as Swift errors that say what and where.
@Suite struct XLSXErrorTests {
    static let columns = [XLSXColumn(title: "Nota", width: 10), XLSXColumn(title: "Valor", width: 10)]

    @Test func textLongerThanExcelAllowsIsLibraryError() {
        let text = String(repeating: "ñ", count: 32_768)
        let workbook = XLSXWorkbook(sheets: [XLSXSheet(name: "Notas", columns: Self.columns, rows: [[.text(text)]])])
        let error = #expect(throws: XLSXError.self) { try workbook.data() }
        guard case .library(let message, let place) = error else {
            Issue.record("expected a libxlsxwriter error, got \(String(describing: error))")
            return
        }
        #expect(message.contains("32,767"), "\(message)")
        #expect(place == "Notas!A2")
    }

    @Test func notANumberIsRefused() {
        let rows: [[XLSXCell]] = [[.empty], [.text("x"), .decimal(.nan)]]
        let workbook = XLSXWorkbook(sheets: [XLSXSheet(name: "Notas", columns: Self.columns, rows: rows)])
        #expect(throws: XLSXError.notANumber(place: "Notas!B3")) { try workbook.data() }
    }

    /// Each call has its own libxlsxwriter workbook and directory, so parallel reports never mix.
    @Test func concurrentWorkbooksDoNotMix() async throws {
        let files = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for index in 0..<4 {
                group.addTask {
                    let sheet = XLSXSheet(name: "Hoja \(index)", columns: Self.columns,
                                          rows: [[.integer(index), .money(Money(cents: Int64(index)))]])
                    return (index, try XLSXWorkbook(sheets: [sheet]).data())
                }
            }
            return try await group.reduce(into: [Int: Data]()) { $0[$1.0] = $1.1 }
        }
        #expect(files.count == 4)
        for (index, data) in files {
            let sheet = try XLSXProbe.read(data).sheets[0]
            #expect(sheet.name == "Hoja \(index)")
            #expect(sheet.rows[1].map(\.value) == [.number(Double(index)), .number(Double(index) / 100)])
        }
    }
}

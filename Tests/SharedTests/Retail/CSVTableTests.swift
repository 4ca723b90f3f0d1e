import Shared
import Testing

@Suite("Retail: CSV reading")
struct CSVTableTests {
    private func read(_ text: String) throws -> CSVTable { try CSVTable(bytes: Array(text.utf8)) }

    @Test func readsASimpleCommaFile() throws {
        let table = try read("nombre,precio\nArroz,3.50\nAzúcar,4.20\n")
        #expect(table.separator == .comma)
        #expect(table.encoding == .utf8)
        #expect(!table.hadByteOrderMark)
        #expect(table.header == CSVTable.Row(line: 1, fields: ["nombre", "precio"]))
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(table.rows.map(\.fields) == [["Arroz", "3.50"], ["Azúcar", "4.20"]])
    }

    @Test func decodesWindows1252WhenTheBytesAreNotUTF8() throws {
        // "nombre;precio\r\nAñejo;3,50\r\nMenú;12\r\n" as Excel in Spanish saves plain CSV.
        var bytes = Array("nombre;precio\r\nA".utf8) + [0xF1] + Array("ejo;3,50\r\nMen".utf8) + [0xFA] + Array(";12\r\n".utf8)
        bytes += Array("Caf".utf8) + [0xE9, 0x20, 0x80, 0x31] + Array(";1\r\n".utf8)  // "Café €1": 0x80 is € in 1252
        let table = try CSVTable(bytes: bytes)
        #expect(table.encoding == .windows1252)
        #expect(table.separator == .semicolon)
        #expect(table.rows.map(\.fields) == [["Añejo", "3,50"], ["Menú", "12"], ["Café €1", "1"]])
    }

    @Test func stripsTheByteOrderMark() throws {
        let table = try CSVTable(bytes: [0xEF, 0xBB, 0xBF] + Array("nombre;precio\r\nMenú;3,50\r\n".utf8))
        #expect(table.hadByteOrderMark)
        #expect(table.encoding == .utf8)
        #expect(table.header.fields == ["nombre", "precio"])
        #expect(table.rows.map(\.fields) == [["Menú", "3,50"]])
    }

    @Test(arguments: [
        ("a;b,c;d\n", CSVSeparator.semicolon), ("a\tb\tc\n", .tab), ("a,b;c,d\n", .comma),
        ("\"x;y;z\",b,c\n", .comma),   // separators inside quotes do not count
        ("a;b,c\n", .semicolon),       // a tie goes to ";"
        ("nombre\nArroz\n", .comma),   // one column
        ("\n\n a;b\n", .semicolon),    // the first non-blank line decides
    ])
    func detectsTheSeparatorFromTheHeader(text: String, separator: CSVSeparator) throws {
        #expect(try read(text).separator == separator)
    }

    @Test func readsQuotedFields() throws {
        let table = try read("nombre,nota,precio\n\"Galleta, soda\",\"dice \"\"hola\"\"\",\"1.50\"\n\"\",x,\"\"\n")
        #expect(table.rows.map(\.fields) == [["Galleta, soda", "dice \"hola\"", "1.50"], ["", "x", ""]])
    }

    @Test func keepsLineBreaksInsideQuotesAndCountsLines() throws {
        let table = try read("nombre;nota\r\n\"Leche\";\"línea uno\r\nlínea dos\"\r\nPan;x\r\n")
        #expect(table.rows.map(\.fields) == [["Leche", "línea uno\nlínea dos"], ["Pan", "x"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test(arguments: ["a,b\r\n1,2\r\n3,4", "a,b\n1,2\n3,4\n", "a,b\r1,2\r3,4\r", "a,b\n1,2\r\n3,4\r"])
    func acceptsEveryLineEnding(text: String) throws {
        let table = try read(text)
        #expect(table.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test func skipsBlankLinesButKeepsTheirNumbers() throws {
        let table = try read("\nnombre;precio\n\nArroz;3.50\n;;\n  ; \nPan;0.20\n\n")
        #expect(table.header.line == 2)
        #expect(table.rows.map(\.line) == [4, 7])
        #expect(table.rows.map(\.fields) == [["Arroz", "3.50"], ["Pan", "0.20"]])
    }

    @Test func shortRowsReadMissingCellsAsEmpty() throws {
        let row = try read("a,b,c\n1\n").rows[0]
        #expect(row[0] == "1")
        #expect(row[2] == "")
        #expect(row[9] == "")
    }

    @Test func textAfterAClosingQuoteIsKept() throws {
        #expect(try read("a,b\n\"12\" pulgadas,x\n").rows[0].fields == ["12 pulgadas", "x"])
    }

    @Test func quoteInsideAnUnquotedFieldIsLiteral() throws {
        #expect(try read("a,b\nTV 32\",x\n").rows[0].fields == ["TV 32\"", "x"])
    }

    @Test func refusesAnUnterminatedQuoteNamingItsLine() {
        #expect(throws: CSVError.unterminatedQuote(line: 3)) { try read("a,b\n1,2\n\"Leche,3\n4,5\n") }
        #expect(CSVError.unterminatedQuote(line: 3).message == "Línea 3: unas comillas se abren y no se cierran")
    }

    @Test(arguments: [[UInt8](), [0xEF, 0xBB, 0xBF], Array("\n\r\n  \n".utf8), Array(";;\n".utf8)])
    func refusesEmptyFiles(bytes: [UInt8]) {
        #expect(throws: CSVError.empty) { try CSVTable(bytes: bytes) }
    }

    @Test func aHeaderAloneHasNoRows() throws {
        #expect(try read("nombre,precio").rows.isEmpty)
    }
}

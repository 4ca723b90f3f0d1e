import Shared
import Testing

@Suite("Retail: CSV writing")
struct CSVWriterTests {
    @Test func writesBOMQuotingAndCRLF() {
        let writer = CSVWriter(separator: .semicolon)
        let text = writer.text([["nombre", "precio"], ["Añejo; 5 años", "3.50"], ["Dice \"hola\"", "1,50"], ["a\nb", ""]])
        #expect(text == "\u{FEFF}nombre;precio\r\n\"Añejo; 5 años\";3.50\r\n\"Dice \"\"hola\"\"\";1,50\r\n\"a\nb\";\r\n")
    }

    @Test func quotesOnlyTheSeparatorInUse() {
        #expect(CSVWriter(separator: .comma).line(["1,50", "a;b"]) == "\"1,50\",a;b")
        #expect(CSVWriter(separator: .semicolon).line(["1,50", "a;b"]) == "1,50;\"a;b\"")
        #expect(CSVWriter(separator: .tab).line(["a\tb", "c"]) == "\"a\tb\"\tc")
    }

    @Test func bytesAreUTF8WithBOM() {
        #expect(CSVWriter().bytes([["Menú"]]) == [0xEF, 0xBB, 0xBF, 0x4D, 0x65, 0x6E, 0xC3, 0xBA, 0x0D, 0x0A])
    }

    @Test(arguments: [CSVSeparator.comma, .semicolon, .tab])
    func roundTripsThroughTheReader(separator: CSVSeparator) throws {
        let records = [["nombre", "nota", "precio"], ["Añejo, \"extra\"", "uno\ndos", "3,50"], ["Pan", "", "0.20"]]
        let table = try CSVTable(bytes: CSVWriter(separator: separator).bytes(records))
        #expect(table.separator == separator)
        #expect(table.hadByteOrderMark)
        #expect([table.header.fields] + table.rows.map(\.fields) == records)
    }
}

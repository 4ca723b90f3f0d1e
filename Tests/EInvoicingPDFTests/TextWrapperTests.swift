@testable import EInvoicingPDF
import Testing

@Suite("Text wrapping")
struct TextWrapperTests {
    /// One point per character keeps the expected lines easy to read.
    private func wrap(_ text: String, _ width: Double) -> [String] {
        TextWrapper.wrap(text, width: width) { Double($0.count) }
    }

    @Test("fills lines greedily at word boundaries")
    func greedy() {
        #expect(wrap("uno dos tres cuatro cinco", 9) == ["uno dos", "tres", "cuatro", "cinco"])
        #expect(wrap("uno dos tres", 12) == ["uno dos tres"])
    }

    @Test("cuts a word longer than the column between characters")
    func longWord() {
        #expect(wrap("ab 1234567890 cd", 4) == ["ab", "1234", "5678", "90", "cd"])
        #expect(wrap("ñandúñandú", 3) == ["ñan", "dúñ", "and", "ú"])
    }

    @Test("keeps explicit newlines and collapses spaces, tabs and control characters")
    func whitespace() {
        #expect(wrap("uno\r\ndos\n\ntres", 20) == ["uno", "dos", "", "tres"])
        #expect(wrap("  uno \t\u{0}  dos  ", 20) == ["uno dos"])
        #expect(wrap("   \n ", 20).isEmpty)
    }

    @Test("keeps a currency symbol on the line of its amount")
    func currency() {
        #expect(wrap("cuota de S/ 1,234.50 al 14/02", 12) == ["cuota de", "S/ 1,234.50", "al 14/02"])
        #expect(wrap("US$ 5.00", 4) == ["US$", "5.00"])
    }

    @Test("always makes progress, even in a column narrower than a letter")
    func narrow() {
        #expect(wrap("abc", 0) == ["a", "b", "c"])
    }
}

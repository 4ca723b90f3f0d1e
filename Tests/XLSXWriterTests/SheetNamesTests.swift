import Testing
@testable import XLSXWriter

/// Tab names Excel accepts, whatever a report calls its sheets.
@Suite struct SheetNamesTests {
    @Test func forbiddenCharactersAreReplaced() {
        #expect(SheetNames.unique(["Ventas 01/2026", "A\\B: *¿?*", "[Lima]", "Línea\nnueva"])
            == ["Ventas 01-2026", "A-B- -¿--", "(Lima)", "Línea nueva"])
    }

    @Test func longNamesAreCutAt31UTF16Units() {
        let long = "Ventas por categoría y por vendedor"
        #expect(SheetNames.unique([long]) == ["Ventas por categoría y por vend"])
        // An emoji is two UTF-16 units and is never split.
        let emoji = String(repeating: "a", count: 30) + "🍍"
        #expect(SheetNames.unique([emoji]) == [String(repeating: "a", count: 30)])
    }

    @Test func duplicatesIgnoringCaseGetANumberWithinTheLimit() {
        let long = String(repeating: "x", count: 31)
        #expect(SheetNames.unique(["Caja", "caja", "CAJA", long, long])
            == ["Caja", "caja (2)", "CAJA (3)", long, String(repeating: "x", count: 27) + " (2)"])
    }

    @Test func apostrophesAtTheEndsEmptyNamesAndHistory() {
        #expect(SheetNames.unique(["'Enero'", "", "  ", "History", "Hoja 2"])
            == ["Enero", "Hoja 2", "Hoja 3", "History (2)", "Hoja 2 (2)"])
    }
}

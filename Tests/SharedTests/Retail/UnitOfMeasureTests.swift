import Shared
import Testing

@Suite("Retail: units and IGV affectations")
struct UnitOfMeasureTests {
    @Test(arguments: [
        ("unidad", UnitOfMeasure.unit), ("UND", .unit), ("NIU", .unit), (" Unidades ", .unit),
        ("kg", .kilogram), ("KGM", .kilogram), ("Kilogramo", .kilogram),
    ])
    func readsUnits(text: String, unit: UnitOfMeasure) {
        #expect(UnitOfMeasure(text: text) == unit)
    }

    @Test(arguments: ["caja", "", "g", "lt", "u n d"])
    func refusesUnknownUnits(text: String) {
        #expect(UnitOfMeasure(text: text) == nil)
    }

    @Test func unitCodesAndWords() {
        #expect(UnitOfMeasure.unit.rawValue == "NIU")
        #expect(UnitOfMeasure.kilogram.rawValue == "KGM")
        #expect(UnitOfMeasure(text: UnitOfMeasure.kilogram.word) == .kilogram)
        #expect(UnitOfMeasure(text: UnitOfMeasure.unit.word) == .unit)
    }

    @Test(arguments: [
        ("gravado", IGVAffectation.gravado), ("Gravada", .gravado), ("10", .gravado),
        ("EXONERADO", .exonerado), ("exonerada", .exonerado), ("20", .exonerado),
        ("inafecto", .inafecto), (" 30 ", .inafecto),
    ])
    func readsAffectations(text: String, affectation: IGVAffectation) {
        #expect(IGVAffectation(text: text) == affectation)
    }

    @Test(arguments: ["11", "40", "gratuito", "", "igv"])
    func refusesUnknownAffectations(text: String) {
        #expect(IGVAffectation(text: text) == nil)
    }

    @Test func affectationCodesAreSUNATs() {
        #expect(IGVAffectation.allCases.map(\.rawValue) == [10, 20, 30])
    }
}

import Shared
import Testing

@Suite("Retail: product export")
struct ProductRowTests {
    private let products = [
        ProductRow(name: "Arroz Costeño; 750 g", sku: "ARR-750", barcode: try! Barcode("7750182002363"), category: "Abarrotes",
                   unit: .unit, price: Money(cents: 350), affectation: .gravado, cost: Money(cents: 280),
                   stock: Quantity(units: 24), minStock: Quantity(units: 5), allowNegative: false),
        ProductRow(name: "Plátano \"de seda\"", category: "Frutas", unit: .kilogram, price: Money(cents: 290),
                   affectation: .exonerado, stock: Quantity(milli: 12_500), allowNegative: true),
        ProductRow(name: "Bolsa", price: Money(cents: 50), affectation: .inafecto, cost: .zero()),
    ]

    @Test func headerIsSpanish() {
        #expect(ProductRow.csvHeader == [
            "nombre", "sku", "codigo_barras", "categoria", "unidad", "precio", "igv", "costo", "stock", "stock_minimo", "stock_negativo",
        ])
    }

    @Test func recordsWriteImportableCells() {
        #expect(products[0].csvRecord == [
            "Arroz Costeño; 750 g", "ARR-750", "7750182002363", "Abarrotes", "unidad", "3.50", "gravado", "2.80", "24", "5", "no",
        ])
        #expect(products[1].csvRecord == [
            "Plátano \"de seda\"", "", "", "Frutas", "kg", "2.90", "exonerado", "", "12.500", "", "si",
        ])
        #expect(products[2].csvRecord == ["Bolsa", "", "", "", "unidad", "0.50", "inafecto", "0.00", "", "", "no"])
    }

    @Test func theFileStartsWithABOMAndUsesCRLF() {
        let text = String(decoding: ProductRow.csv([products[2]], separator: .semicolon), as: UTF8.self)
        #expect(text == "\u{FEFF}nombre;sku;codigo_barras;categoria;unidad;precio;igv;costo;stock;stock_minimo;stock_negativo\r\n"
            + "Bolsa;;;;unidad;0.50;inafecto;0.00;;;no\r\n")
    }

    @Test(arguments: [CSVSeparator.comma, .semicolon, .tab])
    func exportThenImportRoundTrips(separator: CSVSeparator) throws {
        let table = try CSVTable(bytes: ProductRow.csv(products, separator: separator))
        let imported = try ProductImport(table: table)
        #expect(imported.rowsWithErrors.isEmpty)
        #expect(imported.products == products)
    }

    /// A name a spreadsheet would run as a formula is written as text, and read back as typed.
    @Test func formulaLikeTextIsExportedInertAndReadBackAsTyped() throws {
        let risky = ProductRow(name: "=HYPERLINK(\"http://x.pe\",\"clic\")", sku: "-PROMO", category: "@ofertas",
                               price: Money(cents: 100), affectation: .gravado)
        let record = risky.csvRecord
        #expect(Array(record[0...3]) == ["'=HYPERLINK(\"http://x.pe\",\"clic\")", "'-PROMO", "", "'@ofertas"])
        let imported = try ProductImport(table: try CSVTable(bytes: ProductRow.csv([risky], separator: .semicolon)))
        #expect(imported.products == [risky])
        #expect(CSVWriter.inert("Leche -1 L") == "Leche -1 L" && CSVWriter.restored("'Chicha") == "'Chicha",
                "only a first character counts; an apostrophe before ordinary text is the owner's own")
    }
}

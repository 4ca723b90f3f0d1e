import Shared
import Testing

@Suite("Retail: product import")
struct ProductImportTests {
    private func money(_ text: String) -> Money { Money.parse(text)! }
    private func importing(_ text: String) throws -> ProductImport {
        try ProductImport(table: CSVTable(bytes: Array(text.utf8)))
    }

    private func errors(_ row: ProductImport.Row) -> [ProductFieldError] {
        if case .errors(let errors) = row.outcome { errors } else { [] }
    }

    @Test func readsAGoodSpanishFile() throws {
        let result = try importing("""
        Nombre;SKU;Código de barras;Categoría;Unidad;Precio;IGV;Costo;Stock;Stock mínimo;Stock negativo\r
        Arroz Costeño 750 g;ARR-750;7750182002363;Abarrotes;und;S/ 3,50;gravado;2,80;24;5;no\r
        Plátano de seda;;;Frutas;kg;2.90;exonerado;;12,500;2.5;si\r
        Bolsa;;;;;0.50;30;;;;\r
        """)
        #expect(result.rowsWithErrors.isEmpty)
        #expect(result.ignoredHeaders.isEmpty)
        #expect(result.rows.map(\.line) == [2, 3, 4])
        #expect(result.products == [
            ProductRow(name: "Arroz Costeño 750 g", sku: "ARR-750", barcode: try Barcode("7750182002363"), category: "Abarrotes",
                       unit: .unit, price: money("3.50"), affectation: .gravado, cost: money("2.80"),
                       stock: Quantity(units: 24), minStock: Quantity(units: 5), allowNegative: false),
            ProductRow(name: "Plátano de seda", category: "Frutas", unit: .kilogram, price: money("2.90"), affectation: .exonerado,
                       stock: Quantity(milli: 12_500), minStock: Quantity(milli: 2_500), allowNegative: true),
            ProductRow(name: "Bolsa", price: money("0.50"), affectation: .inafecto),
        ])
    }

    @Test func readsEnglishHeadersInAnyOrderAndIgnoresOthers() throws {
        let result = try importing("""
        PRICE,Notes,name,EAN,allow-negative,low stock,afectacion,unit
        "1,234.50",fragile,Televisor,036000291452,yes,1,20,NIU
        """)
        #expect(result.ignoredHeaders == ["Notes"])
        #expect(result.products == [
            ProductRow(name: "Televisor", barcode: try Barcode("0036000291452"), price: money("1234.50"),
                       affectation: .exonerado, minStock: .one, allowNegative: true),
        ])
    }

    @Test func reportsEveryProblemOfEveryBadRow() throws {
        let result = try importing("""
        nombre,codigo_barras,unidad,precio,igv,costo,stock,stock_minimo,stock_negativo
        Leche,7750182002364,und,4.20,gravado,,,,
        ,,,abc,,,,,
        Queso,,caja,-1,18%,-2,1.2345,,tal vez
        Huevos,7.75018E+12,und,0,,,1.5,-1,
        Pan,,kg,0.20,,,0.250,,
        """)
        #expect(result.products.map(\.name) == ["Pan"])
        #expect(result.rowsWithErrors.map(\.line) == [2, 3, 4, 5])
        let rows = result.rowsWithErrors.map(errors)
        #expect(rows[0] == [ProductFieldError(.barcode, .barcode(.badCheckDigit(expected: 3, found: 4)))])
        #expect(rows[1] == [ProductFieldError(.name, .required), ProductFieldError(.price, .notAnAmount)])
        #expect(rows[2] == [
            ProductFieldError(.unit, .unknownUnit("caja")), ProductFieldError(.price, .notPositive),
            ProductFieldError(.affectation, .unknownAffectation("18%")), ProductFieldError(.cost, .negative),
            ProductFieldError(.stock, .quantity(.tooManyDecimals)), ProductFieldError(.allowNegative, .notYesNo("tal vez")),
        ])
        #expect(rows[3] == [
            ProductFieldError(.barcode, .scientificNotation), ProductFieldError(.price, .notPositive),
            ProductFieldError(.stock, .fractionalUnits), ProductFieldError(.minStock, .quantity(.negative)),
        ])
    }

    @Test func theSecondOccurrenceOfABarcodeOrSKUIsTheError() throws {
        let result = try importing("""
        nombre,sku,codigo_barras,precio
        Arroz,A1,7750182002363,3.50
        Azúcar,a1,0036000291452,4.20
        Arroz bis,B2,7750182002363,3.60
        TV,C3,036000291452,900
        """)
        #expect(result.products.map(\.name) == ["Arroz"])
        #expect(result.rowsWithErrors.map(errors) == [
            [ProductFieldError(.sku, .duplicate(firstLine: 2))],
            [ProductFieldError(.barcode, .duplicate(firstLine: 2))],
            [ProductFieldError(.barcode, .duplicate(firstLine: 3))],  // UPC-A and its EAN-13 form are one code
        ])
    }

    @Test func aRowWithOtherErrorsStillClaimsItsBarcode() throws {
        let result = try importing("nombre,codigo_barras,precio\n,7750182002363,3.50\nArroz,7750182002363,3.50\n")
        #expect(result.rowsWithErrors.map(errors) == [
            [ProductFieldError(.name, .required)], [ProductFieldError(.barcode, .duplicate(firstLine: 2))],
        ])
    }

    @Test func readsALatin1FileFromExcel() throws {
        let bytes = Array("nombre;precio;categor".utf8) + [0xED] + Array("a\r\nRon A".utf8) + [0xF1] + Array("ejo;45,90;Licores\r\n".utf8)
        let result = try ProductImport(table: CSVTable(bytes: bytes))
        #expect(result.products == [ProductRow(name: "Ron Añejo", category: "Licores", price: money("45.90"))])
    }

    @Test(arguments: [
        ("name,sku\nArroz,A1\n", ProductImportError.missingHeader(.price)),
        ("precio;categoria\n3.50;x\n", .missingHeader(.name)),
        ("nombre,precio,sku,Código\nArroz,3.50,A1,A2\n", .duplicateHeader(.sku, first: "sku", second: "Código")),
    ])
    func refusesFilesWithoutUsableHeaders(text: String, error: ProductImportError) {
        #expect(throws: error) { try importing(text) }
    }

    @Test func messages() {
        #expect(ProductImportError.missingHeader(.price).message == "Falta la columna «precio» (precio)")
        #expect(ProductFieldError(.barcode, .duplicate(firstLine: 2)).message == "Código de barras: se repite: ya está en la línea 2")
        #expect(ProductFieldError(.price, .notAnAmount).messageEn == "Price: is not a valid amount (e.g. 3.50)")
        #expect(ProductFieldError(.stock, .quantity(.negative)).message == "Stock: La cantidad no puede ser negativa")
    }

    @Test(arguments: [
        ("Precio", ProductField.price), ("CÓDIGO DE BARRAS", .barcode), ("codigo-barras", .barcode), (" stock_mínimo ", .minStock),
        ("Low Stock", .minStock), ("afectación", .affectation), ("codigo", .sku), ("ean", .barcode),
    ])
    func matchesHeaderSpellings(header: String, field: ProductField) {
        #expect(ProductField(header: header) == field)
    }

    @Test func unknownHeadersMatchNothing() {
        #expect(ProductField(header: "descripcion") == nil)
        #expect(ProductField(header: "codigobarras") == nil)
    }
}

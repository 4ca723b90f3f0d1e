import Shared
import Testing

@Suite("Retail: scale barcodes")
struct ScaleBarcodeTests {
    @Test func readsWeightInGrams() throws {
        // 20 · PLU 12345 · 01250 g · check 9
        let label = try ScaleBarcode.parse("2012345012509", reading: .weight)
        #expect(label.prefix == 20)
        #expect(label.plu == "12345")
        #expect(label.value == .weight(Quantity(milli: 1_250)))
        #expect(label.barcode.digits == "2012345012509")
    }

    @Test func readsTheSameDigitsAsAPriceInCentimos() throws {
        let label = try ScaleBarcode.parse("2012345012509", reading: .price)
        #expect(label.value == .price(Money(cents: 1_250)))
    }

    @Test func keepsLeadingZerosOfThePLU() throws {
        // 22 · PLU 00012 · 00350 · check 3
        let label = try ScaleBarcode.parse("2200012003503", reading: .price)
        #expect(label.prefix == 22)
        #expect(label.plu == "00012")
        #expect(label.value == .price(Money(cents: 350)))
    }

    @Test(arguments: [
        ("7750182002363", BarcodeError.notScaleBarcode),
        ("21000423", .notScaleBarcode),                                 // EAN-8
        ("2012345012508", .badCheckDigit(expected: 9, found: 8)),
        ("2012345000001", .zeroScaleValue),                             // 00000 g
        ("20123450125", .wrongLength(found: 11)),
    ])
    func refusesWhatIsNotAUsableScaleLabel(text: String, error: BarcodeError) {
        #expect(throws: error) { try ScaleBarcode.parse(text, reading: .weight) }
    }

    @Test func initReturnsNilOutsideTheScaleRange() throws {
        #expect(ScaleBarcode(try Barcode("7750182002363"), reading: .weight) == nil)
        #expect(ScaleBarcode(try Barcode("2012345012509"), reading: .weight) != nil)
    }
}

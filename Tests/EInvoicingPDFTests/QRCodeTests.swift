import EInvoicingPDF
import Testing

@Suite("QR code matrix")
struct QRCodeTests {
    /// The 7 × 7 finder pattern: dark ring, light ring, dark 3 × 3 centre.
    private func isFinder(_ matrix: [[Bool]], row: Int, column: Int) -> Bool {
        (0..<7).allSatisfy { r in
            (0..<7).allSatisfy { c in
                let ring = max(abs(r - 3), abs(c - 3))
                return matrix[row + r][column + c] == (ring != 2)
            }
        }
    }

    @Test("is square with a valid version size and finder patterns in three corners only")
    func shape() throws {
        let matrix = try QRCode.matrix(SampleDocuments.qrPayload)
        let size = matrix.count
        #expect(size >= 21 && size <= 177 && (size - 17) % 4 == 0)
        #expect(matrix.allSatisfy { $0.count == size })
        #expect(isFinder(matrix, row: 0, column: 0))
        #expect(isFinder(matrix, row: 0, column: size - 7))
        #expect(isFinder(matrix, row: size - 7, column: 0))
        #expect(!isFinder(matrix, row: size - 7, column: size - 7))
    }

    @Test("has the timing pattern between the top finders")
    func timing() throws {
        let matrix = try QRCode.matrix("20123456789|03|B001|1|0.00|10.00|2026-01-15|1|12345678||")
        let row = matrix[6]
        for column in 8..<(matrix.count - 8) {
            #expect(row[column] == (column % 2 == 0))
        }
    }

    @Test("grows with the payload and is deterministic")
    func growth() throws {
        let short = try QRCode.matrix("A")
        let long = try QRCode.matrix(String(repeating: "20123456789|01|F001|123|", count: 10))
        #expect(short.count == 21)
        #expect(long.count > short.count)
        #expect(try QRCode.matrix("Ñandú") == QRCode.matrix("Ñandú"))
        #expect(try QRCode.matrix("Ñandú") != QRCode.matrix("Nandu"))
    }

    @Test("rejects an empty payload and one beyond version 40")
    func limits() {
        #expect(throws: QRCodeError.emptyPayload) { try QRCode.matrix("") }
        // Version 40 at level Q holds 1,663 bytes in 8-bit mode.
        #expect(throws: QRCodeError.payloadTooLong(bytes: 1_664)) {
            try QRCode.matrix(String(repeating: "x", count: 1_664))
        }
        #expect(throws: Never.self) { try QRCode.matrix(String(repeating: "x", count: 1_663)) }
    }
}

import Foundation
import SUNATClient
import Testing

@Suite("Zip packaging of signed documents")
struct DocumentPackageTests {
    @Test func zipHoldsOneEntryNamedAfterTheDocumentWithTheExactBytes() throws {
        let xml = Samples.invoice(number: 1)
        let zip = try DocumentPackage.zip(name: "20000000001-01-F001-1", signedXML: xml)

        #expect(zip.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let entries = try DocumentPackage.entries(of: zip)
        #expect(Array(entries.keys) == ["20000000001-01-F001-1.xml"])
        #expect(entries["20000000001-01-F001-1.xml"] == xml)
    }

    @Test func sunatReadsTheSameBytesThatWereSigned() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let xml = Samples.invoice(number: 7)
        let name = Samples.invoiceName(number: 7)
        _ = await fake.client().sendBill(fileName: name, zip: try DocumentPackage.zip(name: name, signedXML: xml))

        // Read back by Python's zipfile, independently of the Swift zip code.
        let document = try #require(try await fake.requests().only?.document)
        #expect(document.entry == name + ".xml")
        #expect(document.size == xml.count)
        #expect(Data(base64Encoded: document.base64) == xml)
        #expect(document.compressed)
    }

    @Test(arguments: ["", "20000000001-01-F001-1.xml", "20000000001-01-F001-1.zip", "dir/20000000001-01-F001-1"])
    func zipRefusesNamesThatAreNotBare(name: String) {
        #expect(throws: PackageError.self) { try DocumentPackage.zip(name: name, signedXML: Data("<a/>".utf8)) }
    }

    @Test func readingSomethingThatIsNotAZipFails() {
        #expect(throws: PackageError.self) { try DocumentPackage.entries(of: Data("PK not really".utf8)) }
    }
}

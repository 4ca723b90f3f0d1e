import Foundation
import SUNATClient
import Testing

@Suite("CDR (ApplicationResponse) parsing and classification")
struct CDRParsingTests {
    /// Written by hand with other prefixes than the fake's (default namespace for cbc), to show
    /// that parsing goes by namespace, not by prefix.
    static let observed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"
            xmlns:a="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
            xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <b:UBLVersionID>2.0</b:UBLVersionID>
          <b:ID>1736963822517</b:ID>
          <b:Note>4287 - El precio unitario no coincide</b:Note>
          <b:Note><![CDATA[4290 - El IGV <total> no coincide]]></b:Note>
          <a:SenderParty><a:PartyIdentification><b:ID>20131312955</b:ID></a:PartyIdentification></a:SenderParty>
          <a:DocumentResponse>
            <a:Response>
              <b:ReferenceID>F001-123</b:ReferenceID>
              <b:ResponseCode> 0 </b:ResponseCode>
              <b:Description>La Factura numero F001-123, ha sido aceptada &amp; registrada</b:Description>
            </a:Response>
            <a:DocumentReference><b:ID>F001-123</b:ID></a:DocumentReference>
          </a:DocumentResponse>
        </ApplicationResponse>
        """

    @Test func readsCodeDescriptionReferenceAndRootNotes() throws {
        let xml = Data(Self.observed.utf8)
        let cdr = try CDR.parse(applicationResponse: xml)

        #expect(cdr.responseCode == 0)
        #expect(cdr.description == "La Factura numero F001-123, ha sido aceptada & registrada")
        #expect(cdr.referenceID == "F001-123")
        #expect(cdr.notes == ["4287 - El precio unitario no coincide", "4290 - El IGV <total> no coincide"])
        #expect(cdr.observationCodes == [4287, 4290])
        #expect(cdr.xml == xml)
        #expect(SendOutcome(cdr: cdr) == .acceptedWithObservations(cdr))
    }

    @Test func elementsInOtherNamespacesAreNotTheResponse() {
        let xml = Self.observed.replacingOccurrences(
            of: "xmlns:b=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"",
            with: "xmlns:b=\"urn:example:not-ubl\"")
        #expect(throws: CDRError.self) { try CDR.parse(applicationResponse: Data(xml.utf8)) }
    }

    @Test func aResponseWithoutCodeIsAnError() {
        let xml = Self.observed.replacingOccurrences(of: "<b:ResponseCode> 0 </b:ResponseCode>", with: "")
        #expect(throws: CDRError.self) { try CDR.parse(applicationResponse: Data(xml.utf8)) }
        #expect(throws: CDRError.self) { try CDR.parse(applicationResponse: Data("<Invoice/>".utf8)) }
        #expect(throws: CDRError.self) { try CDR.parse(applicationResponse: Data("not xml".utf8)) }
    }

    @Test func cdrZipIsReadFromItsRDashEntry() throws {
        let name = "R-20000000001-01-F001-123"
        let cdr = try CDR.parse(zip: try DocumentPackage.zip(name: name, signedXML: Data(Self.observed.utf8)))
        #expect(cdr.referenceID == "F001-123")

        let noCDR = try DocumentPackage.zip(name: "20000000001-01-F001-123", signedXML: Data(Self.observed.utf8))
        #expect(throws: CDRError.self) { try CDR.parse(zip: noCDR) }
    }

    @Test(arguments: [
        (0, false, "accepted"), (0, true, "observed"), (4000, false, "observed"), (4252, true, "observed"),
        (2000, false, "rejected"), (2800, false, "rejected"), (3999, true, "rejected"),
        (100, false, "exception"), (1033, false, "exception"), (1999, false, "exception"), (98, false, "exception"),
    ])
    func codeBands(code: Int, withNotes: Bool, expected: String) {
        let cdr = CDR(
            responseCode: code, description: "d", notes: withNotes ? ["4287 - n"] : [], referenceID: nil, xml: Data())
        let outcome = SendOutcome(cdr: cdr)
        let kind = switch outcome {
        case .accepted: "accepted"
        case .acceptedWithObservations: "observed"
        case .rejected: "rejected"
        case .exception: "exception"
        }
        #expect(kind == expected)
        #expect(outcome.code == code)
        #expect(outcome.isAccepted == (expected == "accepted" || expected == "observed"))
    }
}

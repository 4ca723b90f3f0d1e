import Foundation
import SUNATClient

/// Documents as the signer would hand them over: bytes that must reach SUNAT unchanged.
enum Samples {
    static let ruc = FakeSUNAT.ruc

    /// A factura (cut down to what the fake checks) with CRLFs, a tab, UTF-8 `Í` and `Ñ`,
    /// an escaped `&` and a decomposed `é`, so that any re-encoding shows up in the bytes.
    static func invoice(series: String = "F001", number: Int, ruc: String = ruc) -> Data {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
            + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
            + " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
            + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\r\n"
            + "\t<cbc:ID>\(series)-\(number)</cbc:ID>\r\n"
            + "\t<cac:AccountingSupplierParty><cac:Party><cac:PartyIdentification>"
            + "<cbc:ID schemeID=\"6\">\(ruc)</cbc:ID></cac:PartyIdentification>"
            + "<cac:PartyLegalEntity><cbc:RegistrationName>PANADERÍA LA ÑUSTA &amp; CIA Cafe\u{301}"
            + "</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>\n"
            + "</Invoice>  "
        return Data(text.utf8)
    }

    static func invoiceName(series: String = "F001", number: Int) -> String {
        "\(ruc)-01-\(series)-\(number)"
    }

    static func invoiceZip(series: String = "F001", number: Int) throws -> (name: String, zip: Data) {
        let name = invoiceName(series: series, number: number)
        return (name, try DocumentPackage.zip(name: name, signedXML: invoice(series: series, number: number)))
    }

    /// A resumen diario RC-20250115-<correlative>.
    static func summaryZip(correlative: Int) throws -> (name: String, zip: Data) {
        let id = "RC-20250115-\(correlative)"
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<SummaryDocuments xmlns=\"urn:sunat:names:specification:ubl:peru:schema:xsd:SummaryDocuments-1\""
            + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
            + "<cbc:ID>\(id)</cbc:ID></SummaryDocuments>"
        let name = "\(ruc)-\(id)"
        return (name, try DocumentPackage.zip(name: name, signedXML: Data(xml.utf8)))
    }
}

import EInvoicing
import Foundation
import Shared

/// The constancia de recepción of the sandbox: an ApplicationResponse shaped like SUNAT's,
/// made here and saying so, so that sandbox documents go through the same states and
/// downloads as real ones. It is never signed: nobody could mistake it for SUNAT's.
enum LocalCDR {
    static func description(_ kind: DocumentKind, id: String) -> String {
        "La \(name(kind)) numero \(id), ha sido aceptada (sandbox: no se envió a SUNAT)"
    }

    static func accepted(fileName: String, documentID: String, kind: DocumentKind, at now: Date) -> Data {
        let date = LimaDate(now).iso
        let time = LimaCalendar.formatTime(now)
        return Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ar:ApplicationResponse xmlns:ar="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2" \
            xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" \
            xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
            <cbc:UBLVersionID>2.0</cbc:UBLVersionID>
            <cbc:CustomizationID>1.0</cbc:CustomizationID>
            <cbc:ID>SANDBOX-\(Int(now.timeIntervalSince1970))</cbc:ID>
            <cbc:IssueDate>\(date)</cbc:IssueDate>
            <cbc:IssueTime>\(time)</cbc:IssueTime>
            <cbc:ResponseDate>\(date)</cbc:ResponseDate>
            <cbc:ResponseTime>\(time)</cbc:ResponseTime>
            <cbc:Note>Constancia del sandbox de Multinicho: este comprobante no se envió a SUNAT.</cbc:Note>
            <cac:SenderParty><cac:PartyIdentification><cbc:ID>MULTINICHO-SANDBOX</cbc:ID></cac:PartyIdentification></cac:SenderParty>
            <cac:DocumentResponse>
            <cac:Response><cbc:ReferenceID>\(documentID)</cbc:ReferenceID><cbc:ResponseCode>0</cbc:ResponseCode>\
            <cbc:Description>\(description(kind, id: documentID))</cbc:Description></cac:Response>
            <cac:DocumentReference><cbc:ID>\(documentID)</cbc:ID></cac:DocumentReference>
            </cac:DocumentResponse>
            </ar:ApplicationResponse>

            """.utf8)
    }

    private static func name(_ kind: DocumentKind) -> String {
        switch kind {
        case .factura: "Factura"
        case .boleta: "Boleta"
        case .notaCredito: "Nota de Credito"
        case .notaDebito: "Nota de Debito"
        }
    }
}

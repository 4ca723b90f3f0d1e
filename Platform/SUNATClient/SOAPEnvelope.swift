import Foundation

/// Hand-built SOAP 1.1 requests for SUNAT's document/literal services: the operation element is
/// qualified with `http://service.sunat.gob.pe`, its parameters are unqualified, and the clave
/// SOL goes in a WS-Security UsernameToken as PasswordText (SUNAT supports nothing else).
struct SOAPEnvelope: Sendable {
    static let soapNamespace = "http://schemas.xmlsoap.org/soap/envelope/"
    static let serviceNamespace = "http://service.sunat.gob.pe"
    static let wsseNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
    static let passwordText =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"

    /// The WSDL operation name, also sent as SOAPAction `urn:<operation>`.
    let operation: String
    let parameters: [(name: String, value: String)]

    var soapAction: String { "urn:\(operation)" }

    /// The envelope, with credentials; the result must never be logged.
    func xml(credentials: SOLCredentials) -> String {
        let fields = parameters.map { "<\($0.name)>\(XMLEscape.text($0.value))</\($0.name)>" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>\
            <soapenv:Envelope xmlns:soapenv="\(Self.soapNamespace)" xmlns:ser="\(Self.serviceNamespace)" \
            xmlns:wsse="\(Self.wsseNamespace)">\
            <soapenv:Header><wsse:Security><wsse:UsernameToken>\
            <wsse:Username>\(XMLEscape.text(credentials.username))</wsse:Username>\
            <wsse:Password Type="\(Self.passwordText)">\(XMLEscape.text(credentials.password))</wsse:Password>\
            </wsse:UsernameToken></wsse:Security></soapenv:Header>\
            <soapenv:Body><ser:\(operation)>\(fields)</ser:\(operation)></soapenv:Body>\
            </soapenv:Envelope>
            """
    }
}

extension SOAPEnvelope {
    static func sendBill(fileName: String, zip: Data) -> SOAPEnvelope {
        SOAPEnvelope(operation: "sendBill", parameters: [
            ("fileName", fileName), ("contentFile", Base64.encode(zip)),
        ])
    }

    static func sendSummary(fileName: String, zip: Data) -> SOAPEnvelope {
        SOAPEnvelope(operation: "sendSummary", parameters: [
            ("fileName", fileName), ("contentFile", Base64.encode(zip)),
        ])
    }

    static func getStatus(ticket: String) -> SOAPEnvelope {
        SOAPEnvelope(operation: "getStatus", parameters: [("ticket", ticket)])
    }

    static func getStatusCdr(ruc: String, type: String, series: String, number: Int) -> SOAPEnvelope {
        SOAPEnvelope(operation: "getStatusCdr", parameters: [
            ("rucComprobante", ruc), ("tipoComprobante", type),
            ("serieComprobante", series), ("numeroComprobante", String(number)),
        ])
    }
}

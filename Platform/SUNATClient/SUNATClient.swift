import AsyncHTTPClient
import Foundation

/// SUNAT's SOAP web services for electronic invoices (SEE del contribuyente). Every call returns
/// an outcome instead of throwing, because each failure mode asks for a different next step.
public struct SUNATClient: Sendable {
    public let endpoints: SUNATEndpoints
    private let credentials: SOLCredentials
    private let transport: SOAPTransport

    /// - Parameter timeout: seconds for a whole exchange; SUNAT may take several under load.
    public init(
        endpoints: SUNATEndpoints, credentials: SOLCredentials, httpClient: HTTPClient, timeout: TimeInterval = 30
    ) {
        self.endpoints = endpoints
        self.credentials = credentials
        self.transport = SOAPTransport(httpClient: httpClient, timeout: timeout)
    }

    /// Sends one document (factura, boleta, notes) and returns SUNAT's verdict from its CDR.
    /// - Parameters:
    ///   - fileName: `RUC-TT-SERIE-NUMERO`, the name inside the zip without `.xml`.
    ///   - zip: from `DocumentPackage.zip(name:signedXML:)`; keep it to resend the same bytes.
    public func sendBill(fileName: String, zip: Data) async -> SendOutcome {
        let envelope = SOAPEnvelope.sendBill(fileName: Self.zipName(fileName), zip: zip)
        switch await call(envelope, to: endpoints.bill) {
        case .failed(let message):
            return .exception(code: nil, message: message)
        case .fault(let fault):
            return SendOutcome(fault: fault)
        case .body(let response):
            guard let content = response.child("applicationResponse")?.value, let cdrZip = Base64.decode(content) else {
                return .exception(code: nil, message: "SUNAT answered sendBill without an applicationResponse")
            }
            do {
                return SendOutcome(cdr: try CDR.parse(zip: cdrZip))
            } catch {
                // SUNAT may have registered the document: getStatusCdr tells before any resend.
                return .exception(code: nil, message: "SUNAT answered with an unreadable CDR: \(error)")
            }
        }
    }

    /// Sends a resumen diario (RC) or comunicación de baja (RA); SUNAT answers with a ticket to
    /// poll with `getStatus` / `waitForTicket`.
    public func sendSummary(fileName: String, zip: Data) async -> Result<String, SendFailure> {
        let envelope = SOAPEnvelope.sendSummary(fileName: Self.zipName(fileName), zip: zip)
        switch await call(envelope, to: endpoints.bill) {
        case .failed(let message):
            return .failure(.exception(code: nil, message: message))
        case .fault(let fault):
            return .failure(SendFailure(SendOutcome(fault: fault)))
        case .body(let response):
            guard let ticket = response.child("ticket")?.value, !ticket.isEmpty else {
                return .failure(.exception(code: nil, message: "SUNAT answered sendSummary without a ticket"))
            }
            return .success(ticket)
        }
    }

    func call(_ envelope: SOAPEnvelope, to url: String) async -> SOAPReply {
        do {
            return SOAPReply(try await transport.post(envelope, credentials: credentials, to: url))
        } catch {
            return .failed(error.message)
        }
    }

    /// Callers name documents as SUNAT does (`RUC-TT-SERIE-NUMERO`); the wire wants the zip's name.
    private static func zipName(_ name: String) -> String {
        name.hasSuffix(".zip") ? name : name + ".zip"
    }
}

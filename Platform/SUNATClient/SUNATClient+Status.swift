import Foundation

extension SUNATClient {
    /// Asks once about a summary ticket.
    public func getStatus(ticket: String) async -> TicketStatus {
        switch await call(.getStatus(ticket: ticket), to: endpoints.bill) {
        case .failed(let message):
            return .unknown(code: nil, message: message)
        case .fault(let fault):
            return .unknown(code: fault.code, message: fault.message)
        case .body(let response):
            return Self.ticketStatus(response.child("status"))
        }
    }

    /// Polls `getStatus` while SUNAT answers 98, waiting `initialDelay`, then twice as long each
    /// time (at most a minute). Returns `.processing` when the attempts or the task run out:
    /// keep the ticket and ask again later.
    public func waitForTicket(
        _ ticket: String, maxAttempts: Int = 6, initialDelay: Duration = .seconds(1)
    ) async -> TicketStatus {
        var delay = initialDelay
        for attempt in 1...max(maxAttempts, 1) {
            let status = await getStatus(ticket: ticket)
            guard status == .processing, attempt < maxAttempts else { return status }
            do {
                try await Task.sleep(for: delay)
            } catch {
                return .processing
            }
            delay = min(delay * 2, .seconds(60))
        }
        return .processing
    }

    /// The CDR of one document from the consult service, e.g. after a timeout, before deciding
    /// whether to resend. Without a CDR (document unknown to SUNAT) the answer is `.exception`
    /// with SUNAT's status code and message: resend the same file.
    /// - Parameters:
    ///   - type: catálogo 01 code, e.g. "01" factura, "03" boleta, "07" nota de crédito.
    public func getStatusCdr(ruc: String, type: String, series: String, number: Int) async -> SendOutcome {
        let envelope = SOAPEnvelope.getStatusCdr(ruc: ruc, type: type, series: series, number: number)
        switch await call(envelope, to: endpoints.consult) {
        case .failed(let message):
            return .exception(code: nil, message: message)
        case .fault(let fault):
            // The consult service judges the question, not the document: no fault burns a number.
            return .exception(code: fault.code, message: fault.message)
        case .body(let response):
            let status = response.child("statusCdr")
            let message = status?.child("statusMessage")?.value ?? ""
            guard let content = status?.child("content")?.value, let zip = Base64.decode(content) else {
                let code = (status?.child("statusCode")?.value).flatMap { Int($0) }
                return .exception(code: code, message: message.isEmpty ? "SUNAT has no CDR for it" : message)
            }
            do {
                return SendOutcome(cdr: try CDR.parse(zip: zip))
            } catch {
                return .exception(code: nil, message: "SUNAT sent an unreadable CDR: \(error)")
            }
        }
    }

    private static func ticketStatus(_ status: XMLNode?) -> TicketStatus {
        let codeText = status?.child("statusCode")?.value ?? ""
        guard let code = Int(codeText) else {
            return .unknown(code: nil, message: "getStatus answer without a numeric statusCode (\(codeText))")
        }
        let cdr = (status?.child("content")?.value).flatMap(Base64.decode).flatMap { try? CDR.parse(zip: $0) }
        switch (code, cdr) {
        case (98, _):
            return .processing
        case (0, let cdr?), (99, let cdr?):
            return .done(SendOutcome(cdr: cdr))
        case (99, nil):
            let message = "SUNAT processed the ticket with errors and sent no CDR"
            return .done(.rejected(code: 99, message: message, cdr: nil))
        default:
            return .unknown(code: code, message: "getStatus statusCode \(code) without a readable CDR")
        }
    }
}

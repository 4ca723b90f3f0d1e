import Foundation

/// A SUNAT answer reduced to its meaning: the operation's response element, a fault, or a failure
/// to get either.
enum SOAPReply: Sendable {
    case body(XMLNode)
    case fault(SOAPFault)
    case failed(String)

    init(_ answer: SOAPTransport.Answer) {
        let success = (200..<300).contains(answer.status)
        guard let envelope = try? XMLTree.parse(answer.body),
            envelope.name == "Envelope", envelope.namespace == SOAPEnvelope.soapNamespace,
            let first = envelope.child("Body", namespace: SOAPEnvelope.soapNamespace)?.children.first
        else {
            let what = success ? "an answer that is not a SOAP envelope" : "HTTP \(answer.status)"
            self = .failed("SUNAT sent \(what): \(Self.snippet(answer.body))")
            return
        }
        if first.name == "Fault", first.namespace == SOAPEnvelope.soapNamespace {
            self = .fault(SOAPFault(first))
        } else if success {
            self = .body(first)
        } else {
            self = .failed("SUNAT sent HTTP \(answer.status) with a \(first.name) element")
        }
    }

    /// Enough of an error page to recognise it in a log, on one line.
    static func snippet(_ body: Data) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.isEmpty ? "(empty body)" : line
    }
}

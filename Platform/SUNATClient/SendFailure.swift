/// Why sendSummary got no ticket.
public enum SendFailure: Error, Sendable, Equatable {
    /// 2000–3999 in a fault: the summary is invalid; fix it and send it under a new correlative.
    case rejected(code: Int, message: String)
    /// Not registered (100–1999, transport, HTTP, timeout): send the same file again.
    case exception(code: Int?, message: String)

    init(_ outcome: SendOutcome) {
        switch outcome {
        case .rejected(let code, let message, _): self = .rejected(code: code, message: message)
        case .exception(let code, let message): self = .exception(code: code, message: message)
        case .accepted(let cdr), .acceptedWithObservations(let cdr):
            self = .exception(code: cdr.responseCode, message: "unexpected CDR instead of a ticket")
        }
    }
}

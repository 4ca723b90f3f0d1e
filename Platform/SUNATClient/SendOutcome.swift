/// What SUNAT decided about one document, in the terms the caller must act on.
public enum SendOutcome: Sendable, Equatable {
    /// Code 0 without observations.
    case accepted(CDR)
    /// Code 0 with notes, or 4000 and up: valid, but the notes should be fixed in future documents.
    case acceptedWithObservations(CDR)
    /// 2000–3999: the document is invalid and its number is burnt; fix it and issue a new number.
    /// `cdr` is nil when SUNAT said so in a SOAP fault.
    case rejected(code: Int, message: String, cdr: CDR?)
    /// 100–1999, other faults, HTTP and transport errors, timeouts: SUNAT did not register the
    /// document (or we cannot tell). Resend the SAME signed file with the same number, never
    /// renumber; after a timeout, asking getStatusCdr first avoids a duplicate (1033/4000).
    case exception(code: Int?, message: String)

    /// The SUNAT code behind the outcome, when there is one.
    public var code: Int? {
        switch self {
        case .accepted(let cdr), .acceptedWithObservations(let cdr): cdr.responseCode
        case .rejected(let code, _, _): code
        case .exception(let code, _): code
        }
    }

    /// The CDR, when SUNAT sent one.
    public var cdr: CDR? {
        switch self {
        case .accepted(let cdr), .acceptedWithObservations(let cdr): cdr
        case .rejected(_, _, let cdr): cdr
        case .exception: nil
        }
    }

    public var isAccepted: Bool {
        switch self {
        case .accepted, .acceptedWithObservations: true
        case .rejected, .exception: false
        }
    }
}

extension SendOutcome {
    /// Classifies a CDR by SUNAT's code bands.
    public init(cdr: CDR) {
        let code = cdr.responseCode
        switch ResponseBand(code: code) {
        case .accepted: self = cdr.notes.isEmpty ? .accepted(cdr) : .acceptedWithObservations(cdr)
        case .observed: self = .acceptedWithObservations(cdr)
        case .rejected: self = .rejected(code: code, message: cdr.description, cdr: cdr)
        case .exception: self = .exception(code: code, message: cdr.description)
        }
    }

    /// Classifies a SOAP fault: a code in the rejection band burns the number like a CDR would;
    /// anything else (no code, 100–1999, odd codes) leaves the document unregistered.
    init(fault: SOAPFault) {
        if let code = fault.code, ResponseBand(code: code) == .rejected {
            self = .rejected(code: code, message: fault.message, cdr: nil)
        } else {
            self = .exception(code: fault.code, message: fault.message)
        }
    }
}

/// SUNAT's code bands (the same for CDR ResponseCodes and fault codes).
enum ResponseBand: Equatable {
    case accepted, observed, rejected, exception

    init(code: Int) {
        switch code {
        case 0: self = .accepted
        case 2000...3999: self = .rejected
        case 4000...: self = .observed
        default: self = .exception
        }
    }
}

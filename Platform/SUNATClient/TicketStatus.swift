/// The state of an asynchronous submission (resumen diario RC, comunicación de baja RA).
public enum TicketStatus: Sendable, Equatable {
    /// statusCode 98: SUNAT is still working; ask again later.
    case processing
    /// statusCode 0 or 99 with its CDR, classified like a sendBill answer. 99 without a CDR is
    /// reported as `.rejected(code: 99, ...)`: processing ended with errors SUNAT did not detail.
    case done(SendOutcome)
    /// The question itself failed (transport, HTTP, a fault such as 0127 "el ticket no existe",
    /// an unreadable answer). Nothing is known about the summary: keep the ticket and ask again;
    /// fall back to resending the same summary only when SUNAT says the ticket does not exist.
    case unknown(code: Int?, message: String)
}

/// Why a printed representation could not be made.
public enum InvoicePDFError: Error, Sendable, Equatable {
    /// `logoPNG` is not a PNG image cairo can decode.
    case invalidLogo
    /// The QR payload could not be encoded; the document must not print without it.
    case invalidQRPayload(QRCodeError)
    /// cairo failed; the value is its status text, e.g. "out of memory".
    case cairo(String)
}

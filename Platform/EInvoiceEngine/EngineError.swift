import EInvoicing
import EInvoicingXML

/// Why the engine could not produce a signed document. Every case names the input field
/// and, where SUNAT has one, the rule: nothing is emitted when an error is thrown.
public enum EngineError: Error, Equatable, Sendable {
    /// The document itself is wrong (amounts, parties, codes...).
    case document(EInvoiceError)
    /// The certificate cannot sign this document (expired, another RUC, wrong password...).
    case certificate(CertificateError)
    case signing(SigningError)
    /// The signed XML failed the bundled XSD: a defect of the engine, never of the input,
    /// reported rather than sent to SUNAT.
    case schema([String])

    public var field: String {
        switch self {
        case .document(let error): error.field
        case .certificate(let error): error.field
        case .signing(let error): error.field
        case .schema: "xml"
        }
    }

    /// SUNAT rule the input breaks; "XSD" for schema failures, `nil` for certificate and
    /// signing problems, which SUNAT never gets to see.
    public var rule: String? {
        switch self {
        case .document(let error): error.rule
        case .schema: "XSD"
        case .certificate, .signing: nil
        }
    }

    /// Message for the business owner, in Spanish.
    public var message: String {
        switch self {
        case .document(let error): error.message
        case .certificate(let error): error.message
        case .signing(let error): error.message
        case .schema(let errors): "xml: el comprobante generado no cumple el esquema UBL 2.1 (\(errors.joined(separator: "; ")))"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .document(let error): error.messageEn
        case .certificate(let error): error.messageEn
        case .signing(let error): error.messageEn
        case .schema(let errors): "xml: the generated document fails the UBL 2.1 schema (\(errors.joined(separator: "; ")))"
        }
    }
}

/// Why a document could not be signed, or its signature read.
public enum SigningError: Error, Equatable, Sendable {
    /// The bytes are not well-formed XML; the text is libxml2's ("line N: ...").
    case malformedXML(String)
    /// A DOCTYPE was found: SUNAT documents have none, and it is where XXE tricks live.
    case doctypeNotAllowed
    /// No empty `ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent` to sign into.
    case missingSignatureSlot
    /// The document carries no `ds:Signature` (or no `ds:DigestValue` in it).
    case missingSignature
    /// xmlsec could not load the key or certificate.
    case unusableCertificate
    /// libxml2/xmlsec failed; the text says at which step (in English, for logs).
    case failed(String)

    /// The part of the document (or input) this error is about.
    public var field: String {
        switch self {
        case .malformedXML, .doctypeNotAllowed, .failed: "xml"
        case .missingSignatureSlot: "ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent"
        case .missingSignature: "ds:Signature"
        case .unusableCertificate: "certificate"
        }
    }

    /// Message for the business owner, in Spanish.
    public var message: String {
        switch self {
        case .malformedXML(let detail): "\(field): el XML del comprobante no está bien formado (\(detail))"
        case .doctypeNotAllowed: "\(field): el comprobante no puede contener una declaración DOCTYPE"
        case .missingSignatureSlot: "\(field): el comprobante no tiene un ExtensionContent vacío para la firma digital"
        case .missingSignature: "\(field): el comprobante no está firmado digitalmente"
        case .unusableCertificate: "\(field): no se pudo usar el certificado digital para firmar"
        case .failed: "\(field): no se pudo firmar o leer la firma del comprobante"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .malformedXML(let detail): "\(field): the document is not well-formed XML (\(detail))"
        case .doctypeNotAllowed: "\(field): DOCTYPE declarations are not allowed"
        case .missingSignatureSlot: "\(field): no empty ExtensionContent to hold the signature"
        case .missingSignature: "\(field): the document is not signed"
        case .unusableCertificate: "\(field): xmlsec could not load the signing key or certificate"
        case .failed(let step): "\(field): signing failed: \(step)"
        }
    }
}

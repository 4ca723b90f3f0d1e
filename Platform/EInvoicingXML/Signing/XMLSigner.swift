import CLibXML2
import CXMLSec
import Foundation

/// XML-DSig for SUNAT UBL documents (libxml2 + xmlsec1 with OpenSSL).
public enum XMLSigner {
    /// Signs a UBL document (UTF-8 bytes) inside its first empty `ExtensionContent`;
    /// returns the signed bytes exactly as they must be stored and zipped.
    ///
    /// Only the signature is added: every byte before and after it is the caller's. The
    /// result is verified before it is returned, so a document that would fail SUNAT's
    /// integrity check (error 2335) never leaves this function.
    public static func sign(_ xml: Data, with certificate: SigningCertificate,
                            algorithm: SignatureAlgorithm = .rsaSHA256,
                            signatureID: String = "SignatureSP") throws(SigningError) -> Data {
        let document = try load(xml)
        guard let slot = SignatureSlot.find(in: document) else { throw .missingSignatureSlot }
        let signature = try SignatureTemplate.sign(document, slot: slot, certificate: certificate,
                                                   algorithm: algorithm, id: signatureID)
        let fragment = try SignatureTemplate.serialise(signature, of: document)
        guard let signed = ByteSplice.insert(fragment, intoElementAt: slot.ordinal, of: xml) else {
            throw .failed("locating the signature slot in the original bytes")
        }
        guard try verify(signed) else { throw .failed("the signed document did not verify") }
        return signed
    }

    /// The `ds:DigestValue` of the signature (the "código hash" of the QR code).
    public static func digestValue(of signedXML: Data) throws(SigningError) -> String {
        let document = try load(signedXML)
        guard let signature = try signatureNode(in: document),
              let digest = firstElement(named: "DigestValue", in: XMLNamespace.dsig, under: signature) else {
            throw .missingSignature
        }
        return digest.textContent.filter { !$0.isWhitespace }
    }

    /// Verifies the enveloped signature against the certificate embedded in it. False when
    /// the document or signature was altered, or the signature cannot be checked.
    public static func verify(_ signedXML: Data) throws(SigningError) -> Bool {
        let document = try load(signedXML)
        guard let signature = try signatureNode(in: document) else { throw .missingSignature }
        return try SignatureVerifier.verify(signature)
    }

    private static func load(_ xml: Data) throws(SigningError) -> ParsedXML {
        guard XMLRuntime.isReady else { throw .failed("libxml2/xmlsec could not be initialised") }
        let document: ParsedXML
        do { document = try ParsedXML.parse(xml) } catch { throw .malformedXML(error.message) }
        guard !document.hasDoctype else { throw .doctypeNotAllowed }
        return document
    }

    /// The first `ds:Signature` in document order: in a SUNAT document, the one in
    /// `ext:UBLExtensions`.
    private static func signatureNode(in document: ParsedXML) throws(SigningError) -> xmlNodePtr? {
        guard let root = document.root else { throw .malformedXML("no root element") }
        return firstElement(named: "Signature", in: XMLNamespace.dsig, under: root)
    }
}

import CLibXML2
import CXMLSec
import Foundation

/// Builds the `ds:Signature` template inside the slot and has xmlsec fill it in.
enum SignatureTemplate {
    /// Adds `<ds:Signature Id=…>` with one `Reference URI=""` (the whole document, minus
    /// the signature itself) and `KeyInfo/X509Data/X509Certificate`, signs it, and returns
    /// the node, still owned by `document`.
    static func sign(_ document: ParsedXML, slot: SignatureSlot, certificate: SigningCertificate,
                     algorithm: SignatureAlgorithm, id: String) throws(SigningError) -> xmlNodePtr {
        guard let signature = xmlSecTmplSignatureCreateNsPref(
            document.document, algorithm.canonicalization, algorithm.signatureMethod, id, "ds") else {
            throw .failed("creating the signature template")
        }
        guard xmlAddChild(slot.node, signature) != nil else {
            xmlFreeNode(signature)
            throw .failed("inserting the signature template")
        }
        // From here the document owns the node and frees it.
        try addReference(to: signature, algorithm: algorithm)
        try addKeyInfo(to: signature)
        try SigningContext.sign(signature, with: certificate)
        return signature
    }

    private static func addReference(to signature: xmlNodePtr, algorithm: SignatureAlgorithm) throws(SigningError) {
        guard let reference = xmlSecTmplSignatureAddReference(signature, algorithm.digestMethod, nil, "", nil) else {
            throw .failed("adding the reference")
        }
        for transform in algorithm.referenceTransforms where xmlSecTmplReferenceAddTransform(reference, transform) == nil {
            throw .failed("adding a reference transform")
        }
    }

    private static func addKeyInfo(to signature: xmlNodePtr) throws(SigningError) {
        guard let keyInfo = xmlSecTmplSignatureEnsureKeyInfo(signature, nil),
              let x509Data = xmlSecTmplKeyInfoAddX509Data(keyInfo),
              xmlSecTmplX509DataAddCertificate(x509Data) != nil else {
            throw .failed("adding KeyInfo")
        }
    }

    /// The node as UTF-8 markup, exactly as it will sit in the stored file. Its `ds`
    /// namespace is declared on the node itself, so the fragment stands alone.
    static func serialise(_ node: xmlNodePtr, of document: ParsedXML) throws(SigningError) -> Data {
        guard let buffer = xmlBufferCreate() else { throw .failed("allocating the output buffer") }
        defer { xmlBufferFree(buffer) }
        guard xmlNodeDump(buffer, document.document, node, 0, 0) >= 0, let content = xmlBufferContent(buffer) else {
            throw .failed("serialising the signature")
        }
        return Data(bytes: content, count: Int(xmlBufferLength(buffer)))
    }
}

/// One xmlsec signing run with a freshly loaded key, freed on every path.
enum SigningContext {
    static func sign(_ signature: xmlNodePtr, with certificate: SigningCertificate) throws(SigningError) {
        guard let context = xmlSecDSigCtxCreate(nil) else { throw .failed("creating the signing context") }
        defer { xmlSecDSigCtxDestroy(context) }
        // The context owns the key from here and destroys it with itself.
        context.pointee.signKey = try loadKey(certificate)
        guard xmlSecDSigCtxSign(context, signature) >= 0 else { throw .failed("xmlSecDSigCtxSign") }
    }

    private static func loadKey(_ certificate: SigningCertificate) throws(SigningError) -> xmlSecKeyPtr {
        defer { clearOpenSSLErrors() }
        let key = certificate.privateKeyPEM.withUnsafeBytes { bytes in
            xmlSecOpenSSLAppKeyLoadMemory(bytes.bindMemory(to: UInt8.self).baseAddress, numericCast(bytes.count),
                                          xmlSecKeyDataFormatPem, nil, nil, nil)
        }
        guard let key else { throw .unusableCertificate }
        let loaded = certificate.certificateDER.withUnsafeBytes { bytes in
            xmlSecOpenSSLAppKeyCertLoadMemory(key, bytes.bindMemory(to: UInt8.self).baseAddress,
                                              numericCast(bytes.count), xmlSecKeyDataFormatDer)
        }
        guard loaded >= 0 else {
            xmlSecKeyDestroy(key)
            throw .unusableCertificate
        }
        return key
    }
}

import CLibXML2
import CXMLSec

/// Checks an enveloped signature against the certificate it carries.
///
/// This proves integrity (the bytes are those that were signed, by the holder of that
/// key), not trust: no chain is built, as SUNAT does that against the certificate the
/// issuer registered. Because the document is untrusted, xmlsec is held to what SUNAT
/// signatures use: only a whole-document reference (URI ""), no remote or file URIs, and
/// only the C14N, enveloped, RSA and SHA transforms (no XSLT or XPath).
enum SignatureVerifier {
    static func verify(_ signature: xmlNodePtr) throws(SigningError) -> Bool {
        try KeysManagerPool.shared.withManager { manager throws(SigningError) in try verify(signature, with: manager) }
    }

    private static func verify(_ signature: xmlNodePtr, with manager: xmlSecKeysMngrPtr) throws(SigningError) -> Bool {
        guard let context = xmlSecDSigCtxCreate(manager) else { throw .failed("creating the verification context") }
        defer { xmlSecDSigCtxDestroy(context) }
        try restrict(context)
        defer { clearOpenSSLErrors() }
        guard xmlSecDSigCtxVerify(context, signature) >= 0 else { return false }
        return context.pointee.status == xmlSecDSigStatusSucceeded
    }

    private static func restrict(_ context: xmlSecDSigCtxPtr) throws(SigningError) {
        context.pointee.keyInfoReadCtx.flags |= UInt32(XMLSEC_KEYINFO_FLAGS_X509DATA_DONT_VERIFY_CERTS)
        context.pointee.enabledReferenceUris = xmlSecTransformUriType(xmlSecTransformUriTypeEmpty)
        context.pointee.keyInfoReadCtx.retrievalMethodCtx.enabledUris =
            xmlSecTransformUriType(xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument)
        let canonicalizations = [xmlSecTransformInclC14NGetKlass(), xmlSecTransformInclC14NWithCommentsGetKlass(),
                                 xmlSecTransformExclC14NGetKlass(), xmlSecTransformExclC14NWithCommentsGetKlass()]
        let signatureMethods = [xmlSecOpenSSLTransformRsaSha1GetKlass(), xmlSecOpenSSLTransformRsaSha256GetKlass()]
        let referenceTransforms = [xmlSecTransformEnvelopedGetKlass(), xmlSecOpenSSLTransformSha1GetKlass(),
                                   xmlSecOpenSSLTransformSha256GetKlass()]
        for transform in canonicalizations + signatureMethods where xmlSecDSigCtxEnableSignatureTransform(context, transform) < 0 {
            throw .failed("restricting signature transforms")
        }
        for transform in canonicalizations + referenceTransforms where xmlSecDSigCtxEnableReferenceTransform(context, transform) < 0 {
            throw .failed("restricting reference transforms")
        }
    }
}

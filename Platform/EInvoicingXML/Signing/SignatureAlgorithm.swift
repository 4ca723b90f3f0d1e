import CXMLSec

/// How the document is signed. SUNAT accepts both.
public enum SignatureAlgorithm: Sendable, CaseIterable {
    /// RSA-SHA256 with SHA-256 digests and exclusive C14N (as sunat-py, accepted in production).
    case rsaSHA256
    /// RSA-SHA1 with SHA-1 digests and inclusive C14N (Greenter's default, for parity with
    /// documents signed by other systems).
    case rsaSHA1
}

extension SignatureAlgorithm {
    var signatureMethod: xmlSecTransformId {
        switch self {
        case .rsaSHA256: xmlSecOpenSSLTransformRsaSha256GetKlass()
        case .rsaSHA1: xmlSecOpenSSLTransformRsaSha1GetKlass()
        }
    }

    var digestMethod: xmlSecTransformId {
        switch self {
        case .rsaSHA256: xmlSecOpenSSLTransformSha256GetKlass()
        case .rsaSHA1: xmlSecOpenSSLTransformSha1GetKlass()
        }
    }

    var canonicalization: xmlSecTransformId {
        switch self {
        case .rsaSHA256: xmlSecTransformExclC14NGetKlass()
        case .rsaSHA1: xmlSecTransformInclC14NGetKlass()
        }
    }

    /// Transforms of the single Reference, after `enveloped-signature`. With none, the
    /// spec's default (inclusive C14N) applies, which is what RSA-SHA1 signers emit.
    var referenceTransforms: [xmlSecTransformId] {
        switch self {
        case .rsaSHA256: [xmlSecTransformEnvelopedGetKlass(), xmlSecTransformExclC14NGetKlass()]
        case .rsaSHA1: [xmlSecTransformEnvelopedGetKlass()]
        }
    }
}

import Foundation
import Testing
@testable import EInvoicingXML
import TestSupport

/// The certificates every signing test uses, loaded from the files openssl made.
enum TestSigner {
    static func certificate() throws -> SigningCertificate {
        let files = try TestCertificates.shared.get()
        return try SigningCertificate.pkcs12(files.data("cert.p12"), password: TestCertificates.password)
    }

    static func sign(_ xml: Data, _ algorithm: SignatureAlgorithm = .rsaSHA256) throws -> Data {
        try XMLSigner.sign(xml, with: certificate(), algorithm: algorithm)
    }
}

extension Data {
    /// The bytes with the first occurrence of `target` replaced; fails the test if absent.
    func replacingFirst(_ target: String, with replacement: String,
                        sourceLocation: SourceLocation = #_sourceLocation) -> Data {
        guard let range = range(of: Data(target.utf8)) else {
            Issue.record("\(target) not found", sourceLocation: sourceLocation)
            return self
        }
        var copy = self
        copy.replaceSubrange(range, with: Data(replacement.utf8))
        return copy
    }
}

extension String {
    /// The text between the first `open` and the following `close`.
    func between(_ open: String, _ close: String) -> String? {
        guard let start = range(of: open), let end = range(of: close, range: start.upperBound..<endIndex) else { return nil }
        return String(self[start.upperBound..<end.lowerBound])
    }
}

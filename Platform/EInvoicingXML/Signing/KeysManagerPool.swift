import CXMLSec
import Foundation

/// xmlsec keys managers for verification, reused rather than made per signature.
///
/// Initialising a manager loads the system's trusted-certificate bundle, which cost about
/// 20 ms per document and dominated signing (the benchmark found it). A manager is used by
/// one verification at a time; verifications that find no idle one make another, so the pool
/// grows to the number of concurrent signers and stays there.
final class KeysManagerPool: @unchecked Sendable {
    static let shared = KeysManagerPool()

    // Guards `idle`; managers themselves are only touched by the task that took them.
    private let lock = NSLock()
    private var idle: [xmlSecKeysMngrPtr] = []

    func withManager<Result>(_ body: (xmlSecKeysMngrPtr) throws(SigningError) -> Result) throws(SigningError) -> Result {
        let manager = try take()
        defer { give(manager) }
        return try body(manager)
    }

    private func take() throws(SigningError) -> xmlSecKeysMngrPtr {
        if let manager = lock.withLock({ idle.popLast() }) { return manager }
        guard let manager = xmlSecKeysMngrCreate() else { throw .failed("creating the keys manager") }
        guard xmlSecOpenSSLAppDefaultKeysMngrInit(manager) >= 0 else {
            xmlSecKeysMngrDestroy(manager)
            throw .failed("initialising the keys manager")
        }
        return manager
    }

    private func give(_ manager: xmlSecKeysMngrPtr) {
        lock.withLock { idle.append(manager) }
    }
}

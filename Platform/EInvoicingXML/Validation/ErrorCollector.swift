import CLibXML2
import CXMLSec

/// Gathers libxml2's structured errors for one parse or validation run. The C callback
/// gets this object through its user-data pointer, so concurrent runs never share state.
final class ErrorCollector {
    private(set) var messages: [String] = []

    var userData: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static let callback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
        collector.messages.append(describe(error))
    }
}

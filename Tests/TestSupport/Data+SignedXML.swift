import Foundation

extension Data {
    /// The bytes as UTF-8 text.
    public var text: String { String(decoding: self, as: UTF8.self) }

    /// The bytes without the `<ds:Signature …>…</ds:Signature>` element.
    public func removingSignature() -> Data? {
        guard let start = range(of: Data("<ds:Signature".utf8)),
              let end = range(of: Data("</ds:Signature>".utf8)) else { return nil }
        var copy = self
        copy.removeSubrange(start.lowerBound..<end.upperBound)
        return copy
    }
}

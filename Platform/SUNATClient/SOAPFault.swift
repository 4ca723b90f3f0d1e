import Foundation

/// A SOAP 1.1 fault from SUNAT. The error code travels in `faultcode` (`soap-env:Client.0306`)
/// or, from some servers, alone in `faultstring` (`0130`).
struct SOAPFault: Sendable, Equatable {
    let faultCode: String
    let faultString: String
    let detail: String

    var code: Int? {
        if let dot = faultCode.lastIndex(of: "."), let code = Self.number(faultCode[faultCode.index(after: dot)...]) {
            return code
        }
        let leading = faultString.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }
        return leading.count >= 3 ? Int(leading) : nil
    }

    /// Text for people: the fault string, with the detail when it adds something.
    var message: String {
        let parts = [faultString, detail].filter { !$0.isEmpty }
        let text = parts.count == 2 && parts[0] == parts[1] ? parts[0] : parts.joined(separator: " - ")
        return text.isEmpty ? faultCode : text
    }

    init(_ node: XMLNode) {
        faultCode = node.child("faultcode")?.value ?? ""
        faultString = node.child("faultstring")?.value ?? ""
        detail = node.child("detail").map(Self.allText) ?? ""
    }

    private static func number(_ text: Substring) -> Int? {
        !text.isEmpty && text.allSatisfy(\.isNumber) ? Int(text) : nil
    }

    private static func allText(_ node: XMLNode) -> String {
        ([node.value] + node.children.map(allText)).filter { !$0.isEmpty }.joined(separator: " ")
    }
}

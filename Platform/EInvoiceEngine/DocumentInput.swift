import EInvoicing
import Foundation

/// A document as JSON describes it: a comprobante (`"kind": "01"|"03"|"07"|"08"`, see
/// `EInvoiceDocument.decode(json:)`), or a summary (`"type": "RC"` for a resumen diario,
/// `"type": "RA"` for a comunicación de baja, with the fields of `DailySummary` /
/// `VoidedDocuments`). Examples: docs/examples/einvoice/.
public enum DocumentInput: Sendable, Equatable {
    case invoice(EInvoiceDocument)
    case dailySummary(DailySummary)
    case voided(VoidedDocuments)

    /// Why JSON could not be read as a document: the path of the offending key and what
    /// is wrong with it.
    public struct DecodingProblem: Error, Equatable, Sendable, CustomStringConvertible {
        public let field: String
        public let reason: String
        public var description: String { "\(field): \(reason)" }

        public init(field: String, reason: String) {
            self.field = field
            self.reason = reason
        }
    }

    private struct Header: Decodable {
        var type: String?
    }

    public static func decode(json: Data) throws(DecodingProblem) -> DocumentInput {
        let decoder = JSONDecoder()
        do {
            switch try decoder.decode(Header.self, from: json).type?.uppercased() {
            case nil: return .invoice(try EInvoiceDocument.decode(json: json))
            case "RC": return .dailySummary(try decoder.decode(DailySummary.self, from: json))
            case "RA": return .voided(try decoder.decode(VoidedDocuments.self, from: json))
            case let other?: throw DecodingProblem(field: "type", reason: "unknown summary type \"\(other)\"; use RC or RA")
            }
        } catch let problem as DecodingProblem {
            throw problem
        } catch let error as DecodingError {
            throw Self.problem(error)
        } catch {
            throw DecodingProblem(field: "$", reason: "\(error)")
        }
    }

    private static func problem(_ error: DecodingError) -> DecodingProblem {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "$" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            return DecodingProblem(field: path(context.codingPath + [key]), reason: "is required")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return DecodingProblem(field: path(context.codingPath), reason: "has the wrong type: \(context.debugDescription)")
        case .dataCorrupted(let context):
            return DecodingProblem(field: path(context.codingPath), reason: context.debugDescription)
        @unknown default:
            return DecodingProblem(field: "$", reason: "\(error)")
        }
    }
}

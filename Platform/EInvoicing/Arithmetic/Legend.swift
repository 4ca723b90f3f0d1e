import Foundation
import Shared

/// A `cbc:Note` legend (SUNAT catalogue 52), e.g. the amount in words.
public struct Legend: Sendable, Equatable {
    /// Catalogue 52 code, written as `@languageLocaleID`.
    public let code: String
    public let text: String

    public init(code: String, text: String) {
        self.code = code
        self.text = text
    }

    public static let freeTransferText = "TRANSFERENCIA GRATUITA DE UN BIEN Y/O SERVICIO PRESTADO GRATUITAMENTE"

    /// Legend 1000 always (the amount payable in words) and 1002 when any line is free.
    static func legends(for totals: DocumentTotals, hasFreeLines: Bool) throws(EInvoiceError) -> [Legend] {
        let words: String
        do {
            words = try AmountInWords.spanish(totals.payable)
        } catch {
            throw .amountTooLarge(field: "totals.payableAmount", rule: "cat52-1000")
        }
        var legends = [Legend(code: "1000", text: "SON \(words)")]
        if hasFreeLines { legends.append(Legend(code: "1002", text: freeTransferText)) }
        return legends
    }
}

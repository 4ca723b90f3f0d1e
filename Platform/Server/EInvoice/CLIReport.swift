import EInvoiceEngine
import EInvoicing
import Foundation
import Shared

/// What the commands tell the person at the terminal, on stderr so that stdout stays the
/// document itself.
enum CLIReport {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func totals(_ calculated: CalculatedDocument) {
        let document = calculated.document
        let totals = calculated.totals
        let money = { (amount: Decimal) in Money.rounded(amount, currency: document.currency).formatted }
        line("\(document.kind.englishName) \(document.id), \(calculated.lines.count) line(s)")
        for subtotal in totals.subtotals {
            line("  \(subtotal.scheme.code) \(subtotal.scheme.name): base \(money(subtotal.taxableAmount)), tax \(money(subtotal.taxAmount))")
        }
        line("  IGV \(money(totals.igv)), payable \(money(totals.payableAmount))")
        for legend in calculated.legends { line("  legend \(legend.code): \(legend.text)") }
    }
}

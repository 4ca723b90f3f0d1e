import ConsoleKit
import EInvoiceEngine
import EInvoicing
import Foundation

/// `einvoice build doc.json`: the unsigned UBL XML, and on stderr the computed totals.
struct EInvoiceBuildCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "document", help: "JSON document (docs/examples/einvoice/*.json).")
        var document: String
        @Option(name: "out", short: "o", help: "Where to write the XML (default: stdout).")
        var out: String?

        init() {}
    }

    var help: String { "Validates a JSON document, computes its amounts and writes the unsigned UBL XML." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let xml: Data
        switch try CLIFiles.document(signature.document) {
        case .invoice(let document):
            let calculated: CalculatedDocument
            do { calculated = try EInvoiceCalculator.calculate(document) } catch { throw CLIFailure(.document(error)) }
            xml = UBLBuilder.build(calculated).xml
            CLIReport.totals(calculated)
        case .dailySummary(let summary):
            do { xml = try SummaryBuilder.build(summary).xml } catch { throw CLIFailure(.document(error)) }
        case .voided(let voided):
            do { xml = try SummaryBuilder.build(voided).xml } catch { throw CLIFailure(.document(error)) }
        }
        try CLIFiles.write(xml, to: signature.out)
    }
}

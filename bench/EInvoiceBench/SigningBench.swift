import EInvoiceEngine
import EInvoicing

/// Documents built and signed per second, against `openssl speed rsa2048` sign/s from the
/// same run: the RSA signature every document needs is the floor, so the ratio says how
/// much of the engine's time is anything but that one signature.
struct SigningBench {
    let inputs: Inputs
    let options: Options

    private var opensslName: String { "openssl rsa2048 sign/s" }

    func run() async throws {
        let document = inputs.factura
        let ubl = try await measure(options.docs) { i in _ = try UBLBuilder.build(numbered(document, i)) }
        report("einvoice calculate+UBL docs/s", ubl, baseline: opensslName, options.opensslSignRate)
        try await signing(tasks: 1, baseline: opensslName, options.opensslSignRate)
        if options.tasks > 1, let multi = options.opensslMultiSignRate {
            try await signing(tasks: options.tasks, baseline: "openssl -multi \(options.tasks) rsa2048 sign/s", multi)
        }
    }

    /// build+sign (no schema check), then build+sign+XSD (the default `EInvoiceSigner`).
    private func signing(tasks: Int, baseline: String, _ baselineRate: Double) async throws {
        let suffix = tasks == 1 ? "" : " (\(tasks) tasks)"
        for validates in [false, true] {
            let signer = EInvoiceSigner(certificate: inputs.certificate, validatesSchema: validates)
            let document = inputs.factura
            let measured = try await measure(options.docs, tasks: tasks) { i in _ = try signer.sign(numbered(document, i)) }
            report("einvoice build+sign\(validates ? "+XSD" : "") docs/s\(suffix)", measured, baseline: baseline, baselineRate)
        }
    }
}

/// `document` numbered 1 + i, so that every iteration writes a different document.
private func numbered(_ document: EInvoiceDocument, _ i: Int) -> EInvoiceDocument {
    var copy = document
    copy.number = 1 + i
    return copy
}

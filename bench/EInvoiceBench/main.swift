import Foundation

// EInvoiceBench: the SUNAT e-invoicing engine's throughput, each figure beside a baseline
// measured in the same run (see bench/README.md). Run by `scripts/bench.sh einvoice`, which
// makes the certificate and measures `openssl speed rsa2048` first.
do {
    let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
    let inputs = try Inputs.load(options)
    try await SigningBench(inputs: inputs, options: options).run()
    try await PDFBench(inputs: inputs, options: options).run()
} catch {
    FileHandle.standardError.write(Data("EInvoiceBench: \(error)\n".utf8))
    exit(1)
}

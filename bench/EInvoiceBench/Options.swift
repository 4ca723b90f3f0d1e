/// The command line, parsed by hand (the package has no argument parser):
///
///     EInvoiceBench --key key.pem --cert cert.pem --openssl-sign-rate 4199.0
///                   [--openssl-sign-rate-multi 6749.0] [--tasks 2]
///                   [--docs 200] [--pdfs 200] [--samples docs/examples/einvoice]
///
/// The openssl rates are `openssl speed rsa2048` (and `-multi <tasks>`) sign/s from the same
/// run; without the multi rate the concurrent signing lines are skipped.
struct Options {
    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    var keyPath = ""
    var certificatePath = ""
    var opensslSignRate = 0.0
    var opensslMultiSignRate: Double?
    var tasks = 2
    var docs = 200
    var pdfs = 200
    var samplesDirectory = "docs/examples/einvoice"

    static func parse(_ arguments: [String]) throws(Invalid) -> Options {
        var options = Options()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw Invalid(description: "\(flag) needs a value") }
            try options.set(flag, to: value)
        }
        try options.check()
        return options
    }

    private mutating func set(_ flag: String, to value: String) throws(Invalid) {
        switch flag {
        case "--key": keyPath = value
        case "--cert": certificatePath = value
        case "--openssl-sign-rate": opensslSignRate = try Self.rate(flag, value)
        case "--openssl-sign-rate-multi": opensslMultiSignRate = try Self.rate(flag, value)
        case "--tasks": tasks = try Self.count(flag, value)
        case "--docs": docs = try Self.count(flag, value)
        case "--pdfs": pdfs = try Self.count(flag, value)
        case "--samples": samplesDirectory = value
        default: throw Invalid(description: "unknown option \(flag)")
        }
    }

    private func check() throws(Invalid) {
        if keyPath.isEmpty || certificatePath.isEmpty { throw Invalid(description: "--key and --cert are required") }
        if opensslSignRate <= 0 { throw Invalid(description: "--openssl-sign-rate is required (openssl speed rsa2048 sign/s)") }
    }

    private static func rate(_ flag: String, _ value: String) throws(Invalid) -> Double {
        guard let rate = Double(value), rate > 0 else { throw Invalid(description: "\(flag): \(value) is not a positive rate") }
        return rate
    }

    private static func count(_ flag: String, _ value: String) throws(Invalid) -> Int {
        guard let count = Int(value), count > 0 else { throw Invalid(description: "\(flag): \(value) is not a positive count") }
        return count
    }
}

import Foundation

/// `tests/support/stripe_sign.py`: Stripe-Signature headers made, and checked, by the official
/// `stripe` Python library, so that the Swift verifier is measured against Stripe's own code.
public enum StripeSigner {
    /// `t=<timestamp>,[extra,]v1=…` with one v1 per secret, in order.
    public static func header(
        for payload: Data, secrets: [String], timestamp: Int64, extra: [String] = []
    ) throws -> String {
        var arguments = ["sign", "--timestamp", String(timestamp)]
        for secret in secrets { arguments += ["--secret", secret] }
        for item in extra { arguments += ["--extra", item] }
        return try run(arguments, payload: payload)
    }

    /// The library's own verdict: "ok" or "refused: <why>". It checks only "too old".
    public static func libraryVerdict(for payload: Data, header: String, secret: String) throws -> String {
        try run(["verify", "--header", header, "--secret", secret], payload: payload)
    }

    private static func run(_ arguments: [String], payload: Data) throws -> String {
        let process = Process()
        process.executableURL = PythonHelper.root.appendingPathComponent(".venv/bin/python")
        process.arguments = [PythonHelper.root.appendingPathComponent("tests/support/stripe_sign.py").path] + arguments
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: payload)
        try input.fileHandleForWriting.close()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let why = String(decoding: problems, as: UTF8.self)
            throw PythonHelper.Failed(description: "stripe_sign.py failed: \(why)")
        }
        return String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

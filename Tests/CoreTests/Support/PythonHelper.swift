import Foundation

/// A test helper written in Python (a fake provider, an SMTP sink, a webhook receiver) run
/// from the repository's `.venv`. It prints `READY <port>` first; it exits when its stdin
/// closes, so a crashed test leaves nothing running.
final class PythonHelper: Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    private let process: Process
    private let stdin: Pipe

    init(_ script: String, _ arguments: [String] = []) throws {
        let python = Self.root.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Failed(description: "\(python) is missing: run scripts/install-deps.sh test")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.root.appendingPathComponent(script).path] + arguments
        let stdout = Pipe()
        stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Failed(description: "\(script) exited before READY") }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let port = text.split(separator: " ").last.flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
            throw Failed(description: "\(script): unexpected first line \(text)")
        }
        self.port = port
    }

    deinit { stop() }

    func stop() {
        if process.isRunning { process.terminate() }
    }
}

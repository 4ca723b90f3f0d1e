import Foundation

/// A test helper written in Python (a fake provider, an SMTP sink, a webhook receiver), run
/// from the repository's `.venv`. It prints `READY <port>` first; it exits when its stdin
/// closes, so a crashed test leaves nothing running.
public final class PythonHelper: Sendable {
    /// The repository root; `#filePath` may run through a symlinked test directory.
    public static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public struct Failed: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public let port: Int
    private let process: Process
    private let stdin: Pipe

    /// Starts `script` (a path from the repository root) with `arguments`.
    public init(_ script: String, _ arguments: [String] = []) throws {
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
        port = try Self.readPort(stdout, script: script)
    }

    private static func readPort(_ stdout: Pipe, script: String) throws -> Int {
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Failed(description: "\(script) exited before READY") }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("READY "), let port = Int(text.dropFirst("READY ".count)) else {
            throw Failed(description: "\(script): unexpected first line \(text)")
        }
        return port
    }

    deinit { stop() }

    /// Stops the helper and waits (5 s at most, then SIGKILL) so that its port is closed on return.
    public func stop() {
        // Closing stdin is the helper's own exit signal; SIGTERM is the fallback.
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline {
            usleep(20_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

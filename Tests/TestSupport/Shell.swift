import Foundation

/// Runs the independent command-line tools (openssl, xmlsec1) the tests check against.
public enum Shell {
    public struct Result: Sendable {
        public let status: Int32
        public let output: String
    }

    public static func run(_ tool: String, _ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// Runs and throws with the tool's output when it fails.
    public static func require(_ tool: String, _ arguments: [String], in directory: URL? = nil) throws {
        let result = try run(tool, arguments, in: directory)
        guard result.status == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed:\n\(result.output)")
        }
    }
}

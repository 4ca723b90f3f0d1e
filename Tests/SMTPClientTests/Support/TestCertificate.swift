import Foundation
import TestSupport

/// A self-signed certificate for 127.0.0.1, made once per test run with the openssl CLI.
/// Clients trust it only when given it as `caFile`, which is how the tests tell a verified
/// TLS connection from an unverified one.
struct TestCertificate: Sendable {
    let certificate: String
    let key: String

    static let shared: Result<TestCertificate, any Error> = Result { try make() }

    static func get() throws -> TestCertificate {
        try shared.get()
    }

    private static let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("smtp-cert-\(UUID().uuidString)")

    private static func make() throws -> TestCertificate {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Swift Testing has no end-of-run hook; the process exit is the end of the run.
        atexit { try? FileManager.default.removeItem(at: TestCertificate.directory) }
        let made = TestCertificate(
            certificate: directory.appendingPathComponent("cert.pem").path,
            key: directory.appendingPathComponent("key.pem").path)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", made.key, "-out", made.certificate,
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else {
            throw PythonHelper.Failed(description: "openssl req failed with status \(openssl.terminationStatus)")
        }
        return made
    }
}

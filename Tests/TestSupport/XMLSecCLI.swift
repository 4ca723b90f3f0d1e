import Foundation

/// The independent xmlsec1 command line, trusting the self-signed test certificate.
public enum XMLSecCLI {
    public static func verify(_ signed: Data) throws -> Shell.Result {
        try verify(signed, trusting: TestCertificates.shared.get().url("cert.pem"))
    }

    /// Verifies trusting the certificate in `trustedPEM` (a PEM file, or PEM bytes).
    public static func verify(_ signed: Data, trustedPEM: Data) throws -> Shell.Result {
        let file = try TestCertificates.shared.get().url("trusted-\(UUID().uuidString).pem")
        try trustedPEM.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try verify(signed, trusting: file)
    }

    private static func verify(_ signed: Data, trusting certificate: URL) throws -> Shell.Result {
        let file = try TestCertificates.shared.get().url("signed-\(UUID().uuidString).xml")
        try signed.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try Shell.run("xmlsec1", ["--verify", "--trusted-pem", certificate.path, file.path])
    }
}

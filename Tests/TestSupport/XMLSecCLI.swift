import Foundation

/// The independent xmlsec1 command line, trusting the self-signed test certificate.
public enum XMLSecCLI {
    public static func verify(_ signed: Data) throws -> Shell.Result {
        let files = try TestCertificates.shared.get()
        let file = files.url("signed-\(UUID().uuidString).xml")
        try signed.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try Shell.run("xmlsec1", ["--verify", "--trusted-pem", files.url("cert.pem").path, file.path])
    }
}

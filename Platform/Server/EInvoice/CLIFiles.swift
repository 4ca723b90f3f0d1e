import EInvoiceEngine
import EInvoicingXML
import Foundation

/// Files in and out of the e-invoice commands (/dev/stdin reads standard input).
enum CLIFiles {
    static func read(_ path: String) throws(CLIFailure) -> Data {
        // A pipe has no size for FileManager to read up to.
        if path == "/dev/stdin" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIFailure("error: cannot read \(path)") }
        return data
    }

    /// Writes to `path`, or to stdout when it is nil.
    static func write(_ data: Data, to path: String?) throws(CLIFailure) {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        do { try data.write(to: URL(fileURLWithPath: path)) } catch { throw CLIFailure("error: cannot write \(path): \(error)") }
    }

    static func document(_ path: String) throws(CLIFailure) -> DocumentInput {
        let data = try read(path)
        do { return try DocumentInput.decode(json: data) } catch { throw CLIFailure(error) }
    }

    /// A .p12/.pfx with its password, or a PEM certificate with its key (`key` may be the
    /// same file). The password comes from the option or EINVOICE_CERT_PASSWORD, so it need
    /// not sit in shell history.
    static func certificate(_ path: String?, key: String?, password: String?) throws(CLIFailure) -> SigningCertificate {
        guard let path else { throw CLIFailure("error: --cert is required (a .p12/.pfx, or a PEM certificate with --key)") }
        let password = password ?? ProcessInfo.processInfo.environment["EINVOICE_CERT_PASSWORD"]
        let data = try read(path)
        let keyData = try key.map { (path: String) throws(CLIFailure) in try read(path) } ?? data
        do {
            if path.lowercased().hasSuffix(".p12") || path.lowercased().hasSuffix(".pfx") {
                return try SigningCertificate.pkcs12(data, password: password ?? "")
            }
            return try SigningCertificate.pem(key: keyData, certificate: data, password: password)
        } catch {
            throw CLIFailure(error)
        }
    }
}

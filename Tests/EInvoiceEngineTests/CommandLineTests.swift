import EInvoicingXML
import Foundation
import TestSupport
import Testing

/// `multinicho einvoice ...`, run as a user runs it: the built binary, files in a temporary
/// folder, results checked with xmlsec1 and the PDF probe.
@Suite("multinicho einvoice (command line)")
struct CommandLineTests {
    let work: URL

    init() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("einvoice-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    /// The binary sits next to the test bundle (`swift build --build-tests` builds both).
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("multinicho")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
        return PythonHelper.root.appendingPathComponent(".build/debug/multinicho").path
    }

    private func run(_ arguments: [String]) throws -> Shell.Result {
        try Shell.run(Self.binary, ["einvoice"] + arguments, in: work)
    }

    private var certificate: [String] {
        get throws {
            let files = try TestCertificates.shared.get()
            return ["--cert", files.url("cert.p12").path, "--password", TestCertificates.password]
        }
    }

    private func file(_ name: String) -> String { work.appendingPathComponent(name).path }

    @Test func signThenVerify() throws {
        let signed = try run(["sign", Samples.url("factura").path, "-o", file("f.xml")] + certificate)
        #expect(signed.status == 0, "\(signed.output)")
        #expect(signed.output.contains("IGV S/ 31.50, payable S/ 246.50"))
        #expect(signed.output.contains("signed 20100070970-01-F001-123.xml"))
        let xml = try Data(contentsOf: URL(fileURLWithPath: file("f.xml")))
        #expect(try XMLSecCLI.verify(xml).status == 0)
        let verified = try run(["verify", file("f.xml")])
        #expect(verified.status == 0 && verified.output.contains("signature: valid") && verified.output.contains("schema: valid"))
        #expect(verified.output.contains("DigestValue: \(try XMLSigner.digestValue(of: xml))"))

        var tampered = String(decoding: xml, as: UTF8.self)
        tampered = tampered.replacingOccurrences(of: ">246.50<", with: ">264.50<")
        try Data(tampered.utf8).write(to: URL(fileURLWithPath: file("tampered.xml")))
        let refused = try run(["verify", file("tampered.xml")])
        #expect(refused.status == 1 && refused.output.contains("signature: INVALID"), "\(refused.output)")
    }

    @Test func buildThenSignTheXMLGivesTheSameDocument() throws {
        #expect(try run(["build", Samples.url("nota-credito").path, "-o", file("nc.xml")]).status == 0)
        let fromXML = try run(["sign", file("nc.xml"), "-o", file("nc-signed.xml")] + certificate)
        let fromJSON = try run(["sign", Samples.url("nota-credito").path, "-o", file("nc-json.xml")] + certificate)
        #expect(fromXML.status == 0 && fromJSON.status == 0, "\(fromXML.output) \(fromJSON.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file("nc-signed.xml")))
                == Data(contentsOf: URL(fileURLWithPath: file("nc-json.xml"))))
    }

    @Test func pdfCarriesTheQRItReports() throws {
        let result = try run(["pdf", Samples.url("boleta").path, "--format", "ticket", "-o", file("b.pdf")] + certificate)
        #expect(result.status == 0, "\(result.output)")
        let qr = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("QR: ") }?.dropFirst(4))
        #expect(qr.hasPrefix("20100070970|03|B001|45|4.98|36.90|2026-03-02|-|-|"))
        let probe = try PDFProbe.read(Data(contentsOf: URL(fileURLWithPath: file("b.pdf"))))
        #expect(probe.qr == [String(qr)])
        #expect(probe.flatText.contains("BOLETA DE VENTA ELECTRÓNICA"))
    }

    @Test func badInputNamesTheFieldAndTheRule() throws {
        let json = try String(contentsOf: Samples.url("factura"), encoding: .utf8)
            .replacingOccurrences(of: #""documentType": "6", "number": "20131312955""#,
                                  with: #""documentType": "1", "number": "45678912""#)
        try Data(json.utf8).write(to: URL(fileURLWithPath: file("dni.json")))
        let result = try run(["sign", file("dni.json"), "-o", file("never.xml")] + certificate)
        #expect(result.status == 1)
        #expect(result.output.contains("error [SUNAT rule 2800]: customer.documentType"), "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: file("never.xml")))

        let files = try TestCertificates.shared.get()
        let wrongPassword = try run(["sign", Samples.url("factura").path, "--cert", files.url("cert.p12").path, "--password", "x"])
        #expect(wrongPassword.status == 1 && wrongPassword.output.contains("certificate.password"))
        let expired = try run(["sign", Samples.url("factura").path, "--cert", files.url("expired-cert.pem").path,
                               "--key", files.url("expired-key.pem").path])
        #expect(expired.status == 1 && expired.output.contains("venció el 31/12/2020"), "\(expired.output)")
    }
}

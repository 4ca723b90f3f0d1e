import EInvoiceEngine
import EInvoicing
import EInvoicingXML
import Foundation
import TestSupport

/// The example documents of docs/examples/einvoice, which the CLI's documentation uses too.
enum Samples {
    static let all = ["factura", "boleta", "nota-credito", "nota-debito", "resumen-diario", "comunicacion-baja"]

    static func url(_ name: String) -> URL {
        PythonHelper.root.appendingPathComponent("docs/examples/einvoice/\(name).json")
    }

    static func input(_ name: String) throws -> DocumentInput {
        try DocumentInput.decode(json: Data(contentsOf: url(name)))
    }

    static func document(_ name: String) throws -> EInvoiceDocument {
        guard case .invoice(let document) = try input(name) else { throw Shell.Failure(description: "\(name) is a summary") }
        return document
    }

    static func certificate(_ file: String = "cert.p12") throws -> SigningCertificate {
        let files = try TestCertificates.shared.get()
        if file.hasSuffix(".pem") {
            let key = file == "expired-cert.pem" ? "expired-key.pem" : "key.pem"
            return try SigningCertificate.pem(key: files.data(key), certificate: files.data(file))
        }
        return try SigningCertificate.pkcs12(files.data(file), password: TestCertificates.password)
    }

    static func signer(_ algorithm: SignatureAlgorithm = .rsaSHA256) throws -> EInvoiceSigner {
        EInvoiceSigner(certificate: try certificate(), algorithm: algorithm)
    }

    /// Signs any sample; returns the signed bytes and what was signed before signing.
    static func sign(_ name: String, _ algorithm: SignatureAlgorithm = .rsaSHA256) throws -> (signed: Data, unsigned: Data) {
        let signer = try signer(algorithm)
        switch try input(name) {
        case .invoice(let document):
            return (try signer.sign(document).xml, UBLBuilder.build(try EInvoiceCalculator.calculate(document)).xml)
        case .dailySummary(let summary):
            return (try signer.sign(summary).xml, try SummaryBuilder.build(summary).xml)
        case .voided(let voided):
            return (try signer.sign(voided).xml, try SummaryBuilder.build(voided).xml)
        }
    }
}

import EInvoicing
import EInvoicingXML
import Foundation

/// Turns documents into signed, schema-valid XML: calculate, check the certificate against
/// the issuer, build, sign, validate. The one path every caller (web app, API, CLI,
/// benchmark) takes, so no caller can skip a check.
public struct EInvoiceSigner: Sendable {
    public let certificate: SigningCertificate
    public let algorithm: SignatureAlgorithm
    /// Re-validate each signed document against the bundled XSD before returning it.
    /// Costs a few milliseconds; on by default because a schema error found by SUNAT burns
    /// nothing but is found late.
    public let validatesSchema: Bool

    public init(certificate: SigningCertificate, algorithm: SignatureAlgorithm = .rsaSHA256, validatesSchema: Bool = true) {
        self.certificate = certificate
        self.algorithm = algorithm
        self.validatesSchema = validatesSchema
    }

    /// Signs a factura, boleta or note. `now` is when the certificate must be valid.
    public func sign(_ document: EInvoiceDocument, now: Date = Date()) throws(EngineError) -> SignedInvoice {
        let calculated: CalculatedDocument
        do { calculated = try EInvoiceCalculator.calculate(document) } catch { throw .document(error) }
        return try sign(calculated, now: now)
    }

    /// Signs an already calculated document.
    public func sign(_ calculated: CalculatedDocument, now: Date = Date()) throws(EngineError) -> SignedInvoice {
        try checkCertificate(issuerRUC: calculated.document.issuer.ruc, now: now)
        let built = UBLBuilder.build(calculated)
        let (xml, digest) = try signAndCheck(built.xml)
        return SignedInvoice(xml: xml, fileName: built.fileName, digestValue: digest, calculated: calculated)
    }

    public func sign(_ summary: DailySummary, now: Date = Date()) throws(EngineError) -> SignedSummary {
        try checkCertificate(issuerRUC: summary.issuer.ruc, now: now)
        let built: BuiltSummary
        do { built = try SummaryBuilder.build(summary) } catch { throw .document(error) }
        return try sign(built)
    }

    public func sign(_ voided: VoidedDocuments, now: Date = Date()) throws(EngineError) -> SignedSummary {
        try checkCertificate(issuerRUC: voided.issuer.ruc, now: now)
        let built: BuiltSummary
        do { built = try SummaryBuilder.build(voided) } catch { throw .document(error) }
        return try sign(built)
    }

    /// Signs XML someone else built (the CLI's `sign` over an edited file). Only the
    /// signature and schema checks apply: the content is the caller's.
    public func sign(xml: Data) throws(EngineError) -> (xml: Data, digestValue: String) {
        try signAndCheck(xml)
    }

    private func sign(_ built: BuiltSummary) throws(EngineError) -> SignedSummary {
        let (xml, digest) = try signAndCheck(built.xml)
        return SignedSummary(xml: xml, fileName: built.fileName, id: built.id, digestValue: digest)
    }

    private func checkCertificate(issuerRUC: String, now: Date) throws(EngineError) {
        do { try certificate.check(at: now, issuerRUC: issuerRUC) } catch { throw .certificate(error) }
    }

    private func signAndCheck(_ xml: Data) throws(EngineError) -> (Data, String) {
        let signed: Data
        let digest: String
        do {
            signed = try XMLSigner.sign(xml, with: certificate, algorithm: algorithm, signatureID: UBLBuilder.signatureID)
            digest = try XMLSigner.digestValue(of: signed)
        } catch {
            throw .signing(error)
        }
        if validatesSchema {
            let problems = Self.schemaProblems(signed)
            if !problems.isEmpty { throw .schema(problems) }
        }
        return (signed, digest)
    }

    /// XSD errors of a signed document; an unvalidatable document is a problem too.
    public static func schemaProblems(_ xml: Data) -> [String] {
        do {
            return try SchemaValidator.validate(xml)
        } catch {
            switch error {
            case .unknownDocumentType(let root): return ["unknown document type \(root)"]
            case .schemaUnavailable(let detail): return ["schema unavailable: \(detail)"]
            }
        }
    }
}

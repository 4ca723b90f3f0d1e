import Foundation
import Shared

/// One comprobante to void in a comunicación de baja.
public struct VoidedLine: Sendable, Equatable, Codable {
    /// Facturas and notes of facturas only; boletas are voided through a
    /// resumen diario with status 3 (SUNAT rule 2308).
    public var kind: DocumentKind
    public var series: String
    public var number: Int
    /// Motivo de baja.
    public var reason: String

    public init(kind: DocumentKind, series: String, number: Int, reason: String) {
        self.kind = kind
        self.series = series
        self.number = number
        self.reason = reason
    }
}

/// Comunicación de baja (RA).
public struct VoidedDocuments: Sendable, Equatable, Codable {
    public var issuer: Issuer
    /// Issue date of the comprobantes voided (`cbc:ReferenceDate`); one date per RA.
    public var referenceDate: LimaDate
    /// Date the communication is generated (`cbc:IssueDate`), also in its ID.
    public var issueDate: LimaDate
    /// Correlative of the day, 1...99999.
    public var sequence: Int
    public var lines: [VoidedLine]

    public init(issuer: Issuer, referenceDate: LimaDate, issueDate: LimaDate, sequence: Int, lines: [VoidedLine]) {
        self.issuer = issuer
        self.referenceDate = referenceDate
        self.issueDate = issueDate
        self.sequence = sequence
        self.lines = lines
    }

    /// "RA-20260303-1".
    public var id: String { "RA-\(issueDate.iso.replacingOccurrences(of: "-", with: ""))-\(sequence)" }
    /// "20100070970-RA-20260303-1".
    public var fileName: String { "\(issuer.ruc)-\(id)" }
}

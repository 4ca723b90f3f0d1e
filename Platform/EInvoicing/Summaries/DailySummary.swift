import Foundation
import Shared

/// Resumen diario (RC): boletas and their notes of one day, sent asynchronously.
public struct DailySummary: Sendable, Equatable, Codable {
    public var issuer: Issuer
    /// Issue date of the comprobantes summarised (`cbc:ReferenceDate`).
    public var referenceDate: LimaDate
    /// Date the resumen is generated (`cbc:IssueDate`), also in its ID.
    public var issueDate: LimaDate
    /// Correlative of the day, 1...99999.
    public var sequence: Int
    public var lines: [DailySummaryLine]

    public init(issuer: Issuer, referenceDate: LimaDate, issueDate: LimaDate, sequence: Int, lines: [DailySummaryLine]) {
        self.issuer = issuer
        self.referenceDate = referenceDate
        self.issueDate = issueDate
        self.sequence = sequence
        self.lines = lines
    }

    /// "RC-20260303-1".
    public var id: String { "RC-\(issueDate.iso.replacingOccurrences(of: "-", with: ""))-\(sequence)" }
    /// "20100070970-RC-20260303-1".
    public var fileName: String { "\(issuer.ruc)-\(id)" }
}

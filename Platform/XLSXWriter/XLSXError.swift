/// Why a workbook could not be written.
public enum XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxlsxwriter refused: `message` is its own text (`lxw_strerror`), e.g. "String exceeds
    /// Excel's limit of 32,767 characters."; `place` says where, e.g. "Ventas!B7".
    case library(message: String, place: String)
    /// A decimal cell holds NaN, which a spreadsheet cannot store.
    case notANumber(place: String)
    /// The sheet has more rows or columns than Excel allows (1,048,576 × 16,384).
    case tooLarge(sheet: String)
    /// The temporary file libxlsxwriter writes to could not be made or read back.
    case temporaryFile(String)

    public var description: String {
        switch self {
        case .library(let message, let place): "libxlsxwriter: \(message) (\(place))"
        case .notANumber(let place): "NaN cannot be written to a spreadsheet (\(place))"
        case .tooLarge(let sheet): "sheet \(sheet) has more rows or columns than Excel allows"
        case .temporaryFile(let reason): "temporary .xlsx file: \(reason)"
        }
    }
}

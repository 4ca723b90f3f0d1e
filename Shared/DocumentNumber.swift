import Foundation

/// Input clean-up shared by the Peruvian document number types.
enum DocumentNumber {
    /// Trims surrounding whitespace and checks that what remains is exactly
    /// `length` ASCII digits.
    ///
    /// Checks for non-digits before length so that "RUC: 2010..." is reported
    /// as bad characters, which is what the user has to fix.
    static func digits(_ raw: String, length: Int) throws(DocumentValidationError) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.allSatisfy(\.isASCIIDigit) else { throw .notDigits }
        guard trimmed.count == length else { throw .wrongLength(expected: length) }
        return trimmed
    }
}

/// Series and correlative rules (SUNAT rule 1001).
enum NumberingRules {
    static let maxNumber = 99_999_999

    /// Electronic series: a letter and three uppercase letters or digits.
    /// Numeric series belong to contingency (paper) comprobantes, which are not
    /// built here.
    static func isElectronicSeries(_ series: String, letters: Set<Character>) -> Bool {
        guard series.count == 4, let first = series.first, letters.contains(first) else { return false }
        return TextRules.isUpperAlphanumeric(series.dropFirst())
    }

    static func validate(_ document: EInvoiceDocument) throws(EInvoiceError) {
        guard isElectronicSeries(document.series, letters: allowedLetters(document.kind)) else {
            throw .seriesDoesNotMatchDocumentType(field: "series", rule: "1001", series: document.series, kind: document.kind)
        }
        guard (1...maxNumber).contains(document.number) else { throw .invalidNumber(field: "number", rule: "1001") }
    }

    private static func allowedLetters(_ kind: DocumentKind) -> Set<Character> {
        switch kind {
        case .factura: ["F"]
        case .boleta: ["B"]
        case .notaCredito, .notaDebito: ["F", "B"]
        }
    }

    /// A referenced comprobante may also be a paper one with a numeric series.
    static func isValidReferenceSeries(_ series: String, kind: DocumentKind) -> Bool {
        let letter: Character = kind == .factura ? "F" : "B"
        if isElectronicSeries(series, letters: [letter]) { return true }
        return (1...4).contains(series.count) && series.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

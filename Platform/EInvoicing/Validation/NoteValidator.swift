/// Rules for the `note` block: required on notes, refused elsewhere.
enum NoteValidator {
    static func validate(_ document: EInvoiceDocument) throws(EInvoiceError) {
        guard document.kind.isNote else {
            if document.note != nil { throw .notAllowed(field: "note", rule: "XSD") }
            return
        }
        guard let reference = document.note?.reference else {
            throw .missingReference(field: "note.reference", rule: "2524")
        }
        try validateReference(reference, of: document)
        let motive = try validateMotive(document)
        try TextRules.optional(document.note?.description, field: "note.description", rule: "2135", max: 500)
        if motive == CreditNoteMotive.ajustesMontosFechasPago.code, reference.kind != .factura {
            throw .referenceTypeMismatch(field: "note.reference.kind", rule: "3259")
        }
    }

    /// The note's series letter must match the comprobante it modifies:
    /// F-series notes modify facturas (2116), B-series notes boletas (2399).
    private static func validateReference(_ reference: DocumentReference, of document: EInvoiceDocument) throws(EInvoiceError) {
        let seriesRule = document.kind == .notaCredito ? "2117" : "2205"
        guard reference.kind == .factura || reference.kind == .boleta else {
            throw .documentKindNotAllowed(
                field: "note.reference.kind", rule: document.kind == .notaCredito ? "2116" : "2204", kind: reference.kind)
        }
        let expectedKind: DocumentKind = document.series.hasPrefix("F") ? .factura : .boleta
        guard reference.kind == expectedKind else {
            throw .referenceTypeMismatch(field: "note.reference.kind", rule: expectedKind == .factura ? "2116" : "2399")
        }
        guard NumberingRules.isValidReferenceSeries(reference.series, kind: reference.kind) else {
            throw .invalidCode(field: "note.reference.series", rule: seriesRule, value: reference.series)
        }
        guard (1...NumberingRules.maxNumber).contains(reference.number) else {
            throw .invalidNumber(field: "note.reference.number", rule: seriesRule)
        }
    }

    /// Motive from catalogue 09 (credit) or 10 (debit); returns its code.
    private static func validateMotive(_ document: EInvoiceDocument) throws(EInvoiceError) -> String {
        guard let motive = document.note?.motive?.trimmingCharacters(in: .whitespaces), !motive.isEmpty else {
            throw .missingMotive(field: "note.motive", rule: document.kind == .notaCredito ? "2128" : "2173")
        }
        let known = document.kind == .notaCredito
            ? CreditNoteMotive(rawValue: motive) != nil
            : DebitNoteMotive(rawValue: motive) != nil
        guard known else { throw .invalidMotive(field: "note.motive", rule: "2172", value: motive) }
        return motive
    }

    /// The sustento written in `DiscrepancyResponse/cbc:Description`.
    static func description(of note: NoteDetails, kind: DocumentKind) -> String {
        if let text = note.description?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty { return text }
        let motive = note.motive ?? ""
        if kind == .notaCredito { return CreditNoteMotive(rawValue: motive)?.name ?? motive }
        return DebitNoteMotive(rawValue: motive)?.name ?? motive
    }
}

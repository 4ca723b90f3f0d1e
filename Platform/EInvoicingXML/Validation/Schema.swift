extension SchemaValidator {
    /// The SUNAT document types with a bundled XSD.
    public enum Schema: String, Sendable, CaseIterable {
        case invoice, creditNote, debitNote, summaryDocuments, voidedDocuments, applicationResponse

        /// Path under the bundled `Schemas` folder.
        var path: String {
            switch self {
            case .invoice: "ubl-2.1/maindoc/UBL-Invoice-2.1.xsd"
            case .creditNote: "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd"
            case .debitNote: "ubl-2.1/maindoc/UBL-DebitNote-2.1.xsd"
            case .summaryDocuments: "sunat-1.0/maindoc/UBLPE-SummaryDocuments-1.0.xsd"
            case .voidedDocuments: "sunat-1.0/maindoc/UBLPE-VoidedDocuments-1.0.xsd"
            case .applicationResponse: "sunat-1.0/maindoc/UBLPE-ApplicationResponse-1.0.xsd"
            }
        }

        /// Namespace and local name of the root element.
        var root: (namespace: String, name: String) {
            switch self {
            case .invoice: ("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "Invoice")
            case .creditNote: ("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", "CreditNote")
            case .debitNote: ("urn:oasis:names:specification:ubl:schema:xsd:DebitNote-2", "DebitNote")
            case .summaryDocuments: ("urn:sunat:names:specification:ubl:peru:schema:xsd:SummaryDocuments-1", "SummaryDocuments")
            case .voidedDocuments: ("urn:sunat:names:specification:ubl:peru:schema:xsd:VoidedDocuments-1", "VoidedDocuments")
            case .applicationResponse: ("urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2", "ApplicationResponse")
            }
        }
    }
}

/// Why a document could not be validated at all (as opposed to being invalid).
public enum SchemaError: Error, Equatable, Sendable {
    /// The root element is not one of the SUNAT document types: `{namespace}name`.
    case unknownDocumentType(String)
    /// A bundled XSD is missing or does not compile; the text says which.
    case schemaUnavailable(String)
}

import Foundation
import Shared

/// Why a comprobante could not be built.
///
/// Every case names the input field (a JSON-style path such as
/// "lines[2].quantity") and the SUNAT rule it would break (an error code of
/// SUNAT's validation catalogue, or "XSD"/"RCP-700" where SUNAT has none), so
/// the caller can point the user at what to fix. Nothing is emitted when an
/// error is thrown: bad input never turns into malformed or rejected XML.
public enum EInvoiceError: Error, Equatable, Sendable {
    // Parties
    case invalidRUC(field: String, rule: String, reason: DocumentValidationError)
    case invalidCustomerDocument(field: String, rule: String)
    case customerMustHaveRUC(field: String, rule: String)
    case customerMustNotHaveRUC(field: String, rule: String)
    /// `limit` is 700 (soles); 0 means any amount, for boletas in another currency.
    case buyerIdentificationRequired(field: String, rule: String, limit: Decimal)
    // Numbering and codes
    case seriesDoesNotMatchDocumentType(field: String, rule: String, series: String, kind: DocumentKind)
    case invalidNumber(field: String, rule: String)
    case invalidCode(field: String, rule: String, value: String)
    // Text
    case missingText(field: String, rule: String)
    case textTooLong(field: String, rule: String, maxLength: Int)
    case invalidCharacters(field: String, rule: String)
    // Lines and amounts
    case emptyLines(field: String, rule: String)
    case nonPositiveQuantity(field: String, rule: String)
    case negativeAmount(field: String, rule: String)
    case nonPositiveAmount(field: String, rule: String)
    case tooManyDecimals(field: String, rule: String, maxDecimals: Int)
    case amountTooLarge(field: String, rule: String)
    case missingUnitValue(field: String, rule: String)
    case conflictingUnitValues(field: String, rule: String)
    case discountExceedsValue(field: String, rule: String)
    case operationTypeMismatch(field: String, rule: String)
    case currencyMismatch(field: String, rule: String, expected: Currency, found: Currency)
    // Notes
    case missingReference(field: String, rule: String)
    case missingMotive(field: String, rule: String)
    case invalidMotive(field: String, rule: String, value: String)
    case referenceTypeMismatch(field: String, rule: String)
    case notAllowed(field: String, rule: String)
    // Payment terms
    case missingInstallments(field: String, rule: String)
    case installmentsSumMismatch(field: String, rule: String, expected: Decimal, actual: Decimal)
    case installmentDueDateNotAfterIssueDate(field: String, rule: String)
    // Declared totals
    case declaredAmountMismatch(field: String, rule: String, computed: Decimal, declared: Decimal)
    // Summaries and voided documents
    case tooManyLines(field: String, rule: String, limit: Int)
    case documentKindNotAllowed(field: String, rule: String, kind: DocumentKind)
    case referenceDateAfterIssueDate(field: String, rule: String)

    /// Path of the offending input field, e.g. "customer.documentType".
    public var field: String { parts.field }

    /// SUNAT rule (validation error code) the input would break.
    public var rule: String { parts.rule }

    private var parts: (field: String, rule: String) {
        switch self {
        case .invalidRUC(let field, let rule, _),
             .buyerIdentificationRequired(let field, let rule, _),
             .seriesDoesNotMatchDocumentType(let field, let rule, _, _),
             .invalidCode(let field, let rule, _),
             .textTooLong(let field, let rule, _),
             .tooManyDecimals(let field, let rule, _),
             .currencyMismatch(let field, let rule, _, _),
             .invalidMotive(let field, let rule, _),
             .installmentsSumMismatch(let field, let rule, _, _),
             .declaredAmountMismatch(let field, let rule, _, _),
             .tooManyLines(let field, let rule, _),
             .documentKindNotAllowed(let field, let rule, _):
            (field, rule)
        case .invalidCustomerDocument(let field, let rule), .customerMustHaveRUC(let field, let rule),
             .customerMustNotHaveRUC(let field, let rule), .invalidNumber(let field, let rule),
             .missingText(let field, let rule), .invalidCharacters(let field, let rule),
             .emptyLines(let field, let rule), .nonPositiveQuantity(let field, let rule),
             .negativeAmount(let field, let rule), .nonPositiveAmount(let field, let rule),
             .amountTooLarge(let field, let rule), .missingUnitValue(let field, let rule),
             .conflictingUnitValues(let field, let rule), .discountExceedsValue(let field, let rule),
             .operationTypeMismatch(let field, let rule), .missingReference(let field, let rule),
             .missingMotive(let field, let rule), .referenceTypeMismatch(let field, let rule),
             .notAllowed(let field, let rule), .missingInstallments(let field, let rule),
             .installmentDueDateNotAfterIssueDate(let field, let rule),
             .referenceDateAfterIssueDate(let field, let rule):
            (field, rule)
        }
    }
}

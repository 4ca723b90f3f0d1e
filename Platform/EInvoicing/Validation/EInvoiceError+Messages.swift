import Foundation
import Shared

extension EInvoiceError {
    /// Message for the business owner, in Spanish.
    public var message: String {
        switch self {
        case .invalidRUC(let field, _, let reason): "\(field): \(reason.message)"
        case .invalidCustomerDocument(let field, _): "\(field): el número de documento del cliente no es válido para su tipo"
        case .customerMustHaveRUC(let field, _): "\(field): una factura solo puede emitirse a un cliente con RUC"
        case .customerMustNotHaveRUC(let field, _): "\(field): en una exportación el cliente no puede identificarse con RUC"
        case .buyerIdentificationRequired(let field, _, let limit) where limit == 0:
            "\(field): una boleta en moneda extranjera debe identificar al comprador con su documento y nombre"
        case .buyerIdentificationRequired(let field, _, let limit):
            "\(field): una boleta de más de S/ \(DecimalText.fixed(limit, scale: 2)) debe identificar al comprador con su documento y nombre"
        case .seriesDoesNotMatchDocumentType(let field, _, let series, let kind):
            "\(field): la serie \(series) no corresponde a una \(kind.spanishName)"
        case .invalidNumber(let field, _): "\(field): el correlativo debe estar entre 1 y 99999999"
        case .invalidCode(let field, _, let value): "\(field): el código \"\(value)\" no es válido"
        case .missingText(let field, _): "\(field): el dato es obligatorio"
        case .textTooLong(let field, _, let max): "\(field): el texto no puede superar \(max) caracteres"
        case .invalidCharacters(let field, _): "\(field): el texto contiene caracteres de control no permitidos"
        case .emptyLines(let field, _): "\(field): el comprobante debe tener al menos un ítem"
        case .nonPositiveQuantity(let field, _): "\(field): la cantidad debe ser mayor que cero"
        case .negativeAmount(let field, _): "\(field): el importe no puede ser negativo"
        case .nonPositiveAmount(let field, _): "\(field): el importe debe ser mayor que cero"
        case .tooManyDecimals(let field, _, let max): "\(field): se permiten como máximo \(max) decimales"
        case .amountTooLarge(let field, _): "\(field): el importe excede el máximo permitido"
        case .missingUnitValue(let field, _): "\(field): indique el valor unitario o el precio unitario"
        case .conflictingUnitValues(let field, _): "\(field): indique el valor unitario o el precio unitario, no ambos"
        case .discountExceedsValue(let field, _): "\(field): el descuento supera el valor al que se aplica"
        case .operationTypeMismatch(let field, _): "\(field): el tipo de operación no corresponde a la afectación de los ítems"
        case .currencyMismatch(let field, _, let expected, let found):
            "\(field): la moneda \(found.code) no coincide con la del comprobante (\(expected.code))"
        case .missingReference(let field, _): "\(field): la nota debe indicar el comprobante que modifica"
        case .missingMotive(let field, _): "\(field): la nota debe indicar el motivo"
        case .invalidMotive(let field, _, let value): "\(field): el motivo \"\(value)\" no existe para este tipo de nota"
        case .referenceTypeMismatch(let field, _): "\(field): el comprobante modificado no corresponde a la serie de la nota"
        case .notAllowed(let field, _): "\(field): el dato no corresponde a este tipo de comprobante"
        case .missingInstallments(let field, _): "\(field): una venta al crédito debe tener al menos una cuota"
        case .installmentsSumMismatch(let field, _, let expected, let actual):
            "\(field): la suma de las cuotas (\(DecimalText.fixed(actual, scale: 2))) debe ser igual al monto pendiente de pago (\(DecimalText.fixed(expected, scale: 2)))"
        case .installmentDueDateNotAfterIssueDate(let field, _): "\(field): la fecha de pago debe ser posterior a la fecha de emisión"
        case .declaredAmountMismatch(let field, _, let computed, let declared):
            "\(field): el importe indicado (\(DecimalText.fixed(declared, scale: 2))) no coincide con el calculado (\(DecimalText.fixed(computed, scale: 2)))"
        case .tooManyLines(let field, _, let limit): "\(field): no se permiten más de \(limit) líneas"
        case .documentKindNotAllowed(let field, _, let kind): "\(field): no se admite \(kind.spanishName) en este documento"
        case .referenceDateAfterIssueDate(let field, _): "\(field): la fecha de los comprobantes no puede ser posterior a la fecha de generación"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .invalidRUC(let field, _, let reason): "\(field): \(reason.messageEn)"
        case .invalidCustomerDocument(let field, _): "\(field): the customer's document number is not valid for its type"
        case .customerMustHaveRUC(let field, _): "\(field): a factura can only be issued to a customer identified by RUC"
        case .customerMustNotHaveRUC(let field, _): "\(field): an export customer cannot be identified by a RUC"
        case .buyerIdentificationRequired(let field, _, let limit) where limit == 0:
            "\(field): a boleta in a foreign currency must identify the buyer by document and name"
        case .buyerIdentificationRequired(let field, _, let limit):
            "\(field): a boleta above S/ \(DecimalText.fixed(limit, scale: 2)) must identify the buyer by document and name"
        case .seriesDoesNotMatchDocumentType(let field, _, let series, let kind):
            "\(field): series \(series) is not valid for a \(kind.englishName)"
        case .invalidNumber(let field, _): "\(field): the number must be between 1 and 99999999"
        case .invalidCode(let field, _, let value): "\(field): code \"\(value)\" is not valid"
        case .missingText(let field, _): "\(field): this value is required"
        case .textTooLong(let field, _, let max): "\(field): the text cannot exceed \(max) characters"
        case .invalidCharacters(let field, _): "\(field): the text contains control characters"
        case .emptyLines(let field, _): "\(field): the document needs at least one line"
        case .nonPositiveQuantity(let field, _): "\(field): the quantity must be greater than zero"
        case .negativeAmount(let field, _): "\(field): the amount cannot be negative"
        case .nonPositiveAmount(let field, _): "\(field): the amount must be greater than zero"
        case .tooManyDecimals(let field, _, let max): "\(field): at most \(max) decimals are allowed"
        case .amountTooLarge(let field, _): "\(field): the amount exceeds the maximum allowed"
        case .missingUnitValue(let field, _): "\(field): give the unit value or the unit price"
        case .conflictingUnitValues(let field, _): "\(field): give the unit value or the unit price, not both"
        case .discountExceedsValue(let field, _): "\(field): the discount exceeds the value it applies to"
        case .operationTypeMismatch(let field, _): "\(field): the operation type does not match the lines' tax affectation"
        case .currencyMismatch(let field, _, let expected, let found):
            "\(field): currency \(found.code) differs from the document currency (\(expected.code))"
        case .missingReference(let field, _): "\(field): the note must reference the document it modifies"
        case .missingMotive(let field, _): "\(field): the note must give its motive"
        case .invalidMotive(let field, _, let value): "\(field): motive \"\(value)\" does not exist for this kind of note"
        case .referenceTypeMismatch(let field, _): "\(field): the referenced document does not match the note's series"
        case .notAllowed(let field, _): "\(field): this value does not apply to this kind of document"
        case .missingInstallments(let field, _): "\(field): a credit sale needs at least one instalment"
        case .installmentsSumMismatch(let field, _, let expected, let actual):
            "\(field): the instalments add up to \(DecimalText.fixed(actual, scale: 2)) instead of the amount on credit, \(DecimalText.fixed(expected, scale: 2))"
        case .installmentDueDateNotAfterIssueDate(let field, _): "\(field): the due date must be after the issue date"
        case .declaredAmountMismatch(let field, _, let computed, let declared):
            "\(field): declared \(DecimalText.fixed(declared, scale: 2)) but the computed amount is \(DecimalText.fixed(computed, scale: 2))"
        case .tooManyLines(let field, _, let limit): "\(field): at most \(limit) lines are allowed"
        case .documentKindNotAllowed(let field, _, let kind): "\(field): a \(kind.englishName) is not allowed in this document"
        case .referenceDateAfterIssueDate(let field, _): "\(field): the documents' date cannot be after the generation date"
        }
    }
}

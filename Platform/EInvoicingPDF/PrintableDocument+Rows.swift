/// Label/value rows that both formats print, with absent values left out.
extension PrintableDocument {
    var customerRows: [(String, String)] {
        guard let customer else { return [] }
        var rows = [(Labels.customer, customer.name), (Labels.document(customer), customer.documentNumber)]
        if let address = customer.address, !address.isEmpty {
            rows.append((Labels.address, address))
        }
        return rows
    }

    var termsRows: [(String, String)] {
        var rows = [(Labels.issueDate, issueDate)]
        if let dueDate, !dueDate.isEmpty { rows.append((Labels.dueDate, dueDate)) }
        rows.append((Labels.currency, currency))
        if let paymentTerms, !paymentTerms.isEmpty { rows.append((Labels.paymentTerms, paymentTerms)) }
        return rows
    }
}

// Placeholder: replaced by the EInvoicingXML work.

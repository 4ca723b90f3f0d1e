// Placeholder: replaced by the EInvoicingPDF work.

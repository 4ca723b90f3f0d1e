// Placeholder: replaced by the EInvoicing work.

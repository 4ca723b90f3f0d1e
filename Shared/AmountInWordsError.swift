/// Why an amount could not be written out in words.
public enum AmountInWordsError: Error, Equatable, Sendable {
    /// The amount is negative or not below 1,000,000,000.00; invoices never
    /// carry such totals, so refusing is safer than printing a wrong legend.
    case outOfRange
}

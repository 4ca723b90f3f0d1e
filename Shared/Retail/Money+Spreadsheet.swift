extension Money {
    /// Reads a price cell: whatever `parse` reads ("3.50", "S/ 3.50",
    /// "1,234.50"), a lowercase "s/", and a decimal comma ("3,50",
    /// "1.234,50") as Excel writes where the comma is the decimal separator.
    ///
    /// Text that `parse` reads keeps its meaning, so "1,234" stays 1234.00;
    /// only text it refuses is tried again with the roles of "." and ","
    /// swapped, and that second reading still checks the grouping.
    public static func parseSpreadsheet(_ text: String, currency: Currency = .pen) -> Money? {
        let upper = text.uppercased()
        if let value = parse(upper, currency: currency) { return value }
        guard upper.contains(",") else { return nil }
        let swapped = String(upper.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
        return parse(swapped, currency: currency)
    }
}

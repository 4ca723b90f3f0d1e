extension Character {
    /// `true` only for "0"..."9".
    ///
    /// Document numbers and amounts must be plain ASCII digits; `isNumber` and
    /// `isWholeNumber` alone also accept "²", "٣" or full-width "３".
    public var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

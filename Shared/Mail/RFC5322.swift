/// Character classes of RFC 5322 shared by the composer and the address validator.
enum RFC5322 {
    /// `atext` (§3.2.3): what an unquoted local part or display-name word may hold.
    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return true }
        return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
}

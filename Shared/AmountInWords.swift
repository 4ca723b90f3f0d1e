/// The amount-in-words legend that SUNAT electronic invoices carry, e.g.
/// "CIENTO DIECIOCHO CON 00/100 SOLES".
public enum AmountInWords {
    /// Largest amount supported, in céntimos: 999,999,999.99.
    public static let maximumCents: Int64 = 99_999_999_999

    /// Writes `money` in uppercase Spanish words with the céntimos as a
    /// fraction of 100 and the currency name.
    ///
    /// - Throws: `.outOfRange` for negative amounts or amounts of one billion
    ///   or more.
    public static func spanish(_ money: Money) throws(AmountInWordsError) -> String {
        guard (0...maximumCents).contains(money.cents) else { throw .outOfRange }
        let units = Int(money.cents / 100)
        let fraction = Int(money.cents % 100)
        let fractionText = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        return "\(words(units)) CON \(fractionText)/100 \(currencyName(money.currency))"
    }

    private static func currencyName(_ currency: Currency) -> String {
        switch currency {
        case .pen: "SOLES"
        case .usd: "DÓLARES AMERICANOS"
        }
    }

    /// Words for 0...999,999,999.
    private static func words(_ number: Int) -> String {
        if number == 0 { return "CERO" }
        let millions = number / 1_000_000
        let thousands = number / 1_000 % 1_000
        let rest = number % 1_000
        var parts: [String] = []
        if millions == 1 {
            parts.append("UN MILLÓN")
        } else if millions > 1 {
            parts.append("\(hundreds(millions, beforeNoun: true)) MILLONES")
        }
        if thousands == 1 {
            // Spanish says "MIL", never "UN MIL", for exactly one thousand.
            parts.append("MIL")
        } else if thousands > 1 {
            parts.append("\(hundreds(thousands, beforeNoun: true)) MIL")
        }
        if rest > 0 { parts.append(hundreds(rest, beforeNoun: false)) }
        return parts.joined(separator: " ")
    }

    /// Words for 1...999. Before "MIL"/"MILLONES" a final "UNO" shortens to
    /// "UN" (and "VEINTIUNO" to "VEINTIÚN"), as in "VEINTIÚN MIL".
    private static func hundreds(_ number: Int, beforeNoun: Bool) -> String {
        let hundred = number / 100
        let rest = number % 100
        if number == 100 { return "CIEN" }
        var parts: [String] = []
        if hundred > 0 { parts.append(hundredNames[hundred]) }
        if rest > 0 { parts.append(tens(rest, beforeNoun: beforeNoun)) }
        return parts.joined(separator: " ")
    }

    /// Words for 1...99.
    private static func tens(_ number: Int, beforeNoun: Bool) -> String {
        if number < 30 {
            let word = belowThirty[number]
            guard beforeNoun else { return word }
            switch number {
            case 1: return "UN"
            case 21: return "VEINTIÚN"
            default: return word
            }
        }
        let unit = number % 10
        let ten = tenNames[number / 10]
        if unit == 0 { return ten }
        return "\(ten) Y \(unit == 1 && beforeNoun ? "UN" : belowThirty[unit])"
    }

    private static let belowThirty = [
        "CERO", "UNO", "DOS", "TRES", "CUATRO", "CINCO", "SEIS", "SIETE", "OCHO", "NUEVE",
        "DIEZ", "ONCE", "DOCE", "TRECE", "CATORCE", "QUINCE",
        "DIECISÉIS", "DIECISIETE", "DIECIOCHO", "DIECINUEVE",
        "VEINTE", "VEINTIUNO", "VEINTIDÓS", "VEINTITRÉS", "VEINTICUATRO", "VEINTICINCO",
        "VEINTISÉIS", "VEINTISIETE", "VEINTIOCHO", "VEINTINUEVE",
    ]

    private static let tenNames = [
        "", "DIEZ", "VEINTE", "TREINTA", "CUARENTA", "CINCUENTA",
        "SESENTA", "SETENTA", "OCHENTA", "NOVENTA",
    ]

    private static let hundredNames = [
        "", "CIENTO", "DOSCIENTOS", "TRESCIENTOS", "CUATROCIENTOS", "QUINIENTOS",
        "SEISCIENTOS", "SETECIENTOS", "OCHOCIENTOS", "NOVECIENTOS",
    ]
}

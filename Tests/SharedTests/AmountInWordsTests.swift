import Shared
import Testing

@Suite("Amount in words")
struct AmountInWordsTests {
    @Test(arguments: [
        (118_00, "CIENTO DIECIOCHO CON 00/100 SOLES"),
        (100_00, "CIEN CON 00/100 SOLES"),
        (1_00, "UNO CON 00/100 SOLES"),
        (21_00, "VEINTIUNO CON 00/100 SOLES"),
        (21_000_00, "VEINTIÚN MIL CON 00/100 SOLES"),
        (1_000_00, "MIL CON 00/100 SOLES"),
        (1_000_000_00, "UN MILLÓN CON 00/100 SOLES"),
        (2_000_000_00, "DOS MILLONES CON 00/100 SOLES"),
        (21_000_000_00, "VEINTIÚN MILLONES CON 00/100 SOLES"),
        (101_000_00, "CIENTO UN MIL CON 00/100 SOLES"),
        (50, "CERO CON 50/100 SOLES"),
        (500_00, "QUINIENTOS CON 00/100 SOLES"),
        (700_00, "SETECIENTOS CON 00/100 SOLES"),
        (900_00, "NOVECIENTOS CON 00/100 SOLES"),
        (16_00, "DIECISÉIS CON 00/100 SOLES"),
        (22_00, "VEINTIDÓS CON 00/100 SOLES"),
        (23_00, "VEINTITRÉS CON 00/100 SOLES"),
        (26_00, "VEINTISÉIS CON 00/100 SOLES"),
        (30_00, "TREINTA CON 00/100 SOLES"),
        (31_00, "TREINTA Y UNO CON 00/100 SOLES"),
        (31_000_00, "TREINTA Y UN MIL CON 00/100 SOLES"),
        (999_999_999_99, "NOVECIENTOS NOVENTA Y NUEVE MILLONES NOVECIENTOS NOVENTA Y NUEVE MIL "
            + "NOVECIENTOS NOVENTA Y NUEVE CON 99/100 SOLES"),
        (1_001_001_00, "UN MILLÓN MIL UNO CON 00/100 SOLES"),
    ] as [(Int64, String)])
    func writesBriefExamples(cents: Int64, expected: String) throws {
        #expect(try AmountInWords.spanish(Money(cents: cents)) == expected)
    }

    @Test(arguments: [
        (0, "CERO CON 00/100 SOLES"),
        (5, "CERO CON 05/100 SOLES"),
        (10_00, "DIEZ CON 00/100 SOLES"),
        (15_00, "QUINCE CON 00/100 SOLES"),
        (20_00, "VEINTE CON 00/100 SOLES"),
        (99_00, "NOVENTA Y NUEVE CON 00/100 SOLES"),
        (101_00, "CIENTO UNO CON 00/100 SOLES"),
        (1_234_56, "MIL DOSCIENTOS TREINTA Y CUATRO CON 56/100 SOLES"),
        (1_001_00, "MIL UNO CON 00/100 SOLES"),
        (2_021_00, "DOS MIL VEINTIUNO CON 00/100 SOLES"),
        (41_000_00, "CUARENTA Y UN MIL CON 00/100 SOLES"),
        (200_000_00, "DOSCIENTOS MIL CON 00/100 SOLES"),
        (500_500_00, "QUINIENTOS MIL QUINIENTOS CON 00/100 SOLES"),
        (1_100_000_00, "UN MILLÓN CIEN MIL CON 00/100 SOLES"),
        (100_000_000_00, "CIEN MILLONES CON 00/100 SOLES"),
        (121_000_000_00, "CIENTO VEINTIÚN MILLONES CON 00/100 SOLES"),
        (31_031_031_00, "TREINTA Y UN MILLONES TREINTA Y UN MIL TREINTA Y UNO CON 00/100 SOLES"),
    ] as [(Int64, String)])
    func writesOtherAmounts(cents: Int64, expected: String) throws {
        #expect(try AmountInWords.spanish(Money(cents: cents)) == expected)
    }

    @Test func namesDollars() throws {
        let legend = try AmountInWords.spanish(Money(cents: 1_250_75, currency: .usd))
        #expect(legend == "MIL DOSCIENTOS CINCUENTA CON 75/100 DÓLARES AMERICANOS")
        #expect(try AmountInWords.spanish(Money(cents: 1_00, currency: .usd)) == "UNO CON 00/100 DÓLARES AMERICANOS")
    }

    @Test(arguments: [-1, -100_00, 1_000_000_000_00, Int64.max] as [Int64])
    func rejectsOutOfRange(cents: Int64) {
        #expect(throws: AmountInWordsError.outOfRange) { try AmountInWords.spanish(Money(cents: cents)) }
    }
}

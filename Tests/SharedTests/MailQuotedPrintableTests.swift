import Foundation
import Shared
import Testing

@Suite("Mail: quoted-printable")
struct MailQuotedPrintableTests {
    @Test(arguments: [
        ("Hola", "Hola"),
        ("Año nuevo: 50% = mitad", "A=C3=B1o nuevo: 50% =3D mitad"),
        ("fin con espacio ", "fin con espacio=20"),
        ("fin con tab\t", "fin con tab=09"),
        ("espacio  interno", "espacio  interno"),
        ("línea 1\nlínea 2", "l=C3=ADnea 1\r\nl=C3=ADnea 2"),
        ("a\r\nb\rc\n", "a\r\nb\r\nc\r\n"),
        ("trailing \nspace", "trailing=20\r\nspace"),
        ("", ""),
    ])
    func encodesKnownVectors(text: String, expected: String) {
        #expect(QuotedPrintable.encode(text) == expected)
    }

    @Test func lineOfExactly76CharactersIsNotBroken() {
        let line = String(repeating: "a", count: 76)
        #expect(QuotedPrintable.encode(line) == line)
    }

    @Test func longLineGetsSoftBreakAt76() {
        let encoded = QuotedPrintable.encode(String(repeating: "a", count: 100))
        #expect(encoded == String(repeating: "a", count: 75) + "=\r\n" + String(repeating: "a", count: 25))
    }

    @Test func neverSplitsAnEscape() {
        let encoded = QuotedPrintable.encode(String(repeating: "a", count: 74) + "é")
        #expect(encoded == String(repeating: "a", count: 74) + "=\r\n=C3=A9")
    }

    @Test func spaceBeforeSoftBreakStaysLiteral() {
        // RFC 2045 §6.7 rule 3: whitespace may precede the "=" of a soft break.
        let encoded = QuotedPrintable.encode(String(repeating: "a", count: 74) + " bbb")
        #expect(encoded == String(repeating: "a", count: 74) + " =\r\nbbb")
    }

    @Test func everyEncodedLineFitsAndDecodesBack() {
        var generator = MailSeededGenerator(seed: 7)
        let alphabet = Array("abc ñ=é\t🎉.-\n")
        for _ in 0..<200 {
            let text = String((0..<Int.random(in: 0...300, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let encoded = QuotedPrintable.encode(text)
            for line in encoded.components(separatedBy: "\r\n") {
                #expect(line.utf8.count <= 76)
                #expect(line.last != " " && line.last != "\t")
            }
            let decoded = String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self)
            #expect(decoded == text.replacingOccurrences(of: "\n", with: "\r\n"))
        }
    }

    @Test func decodesTheRFC2045Example() {
        let encoded = "Now's the time =\r\nfor all folk to come=\r\n to the aid of their country."
        let decoded = String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self)
        #expect(decoded == "Now's the time for all folk to come to the aid of their country.")
    }

    @Test(arguments: [
        ("se=c3=b1or", "señor"),
        ("soft=\nbreak with LF", "softbreak with LF"),
        ("transport padding   \r\nnext", "transport padding\r\nnext"),
        ("soft break =  \r\nafter padding", "soft break after padding"),
        ("bad =ZZ escape and = alone", "bad =ZZ escape and = alone"),
        ("ends with =", "ends with "),
    ])
    func decodesLeniently(encoded: String, expected: String) {
        #expect(String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self) == expected)
    }
}

/// Deterministic randomness, so a failing case can be reproduced.
struct MailSeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

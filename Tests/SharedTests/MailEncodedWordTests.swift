import Foundation
import Shared
import Testing

@Suite("Mail: RFC 2047 encoded-words")
struct MailEncodedWordTests {
    /// RFC 2047 §8, "Examples".
    @Test(arguments: [
        ("=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>", "Keith Moore <moore@cs.utk.edu>"),
        ("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>", "Keld Jørn Simonsen <keld@dkuug.dk>"),
        ("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>", "André Pirard <PIRARD@vm1.ulg.ac.be>"),
        ("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?= =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=",
         "If you can read this you understand the example."),
        ("(=?ISO-8859-1?Q?a?=)", "(a)"),
        ("(=?ISO-8859-1?Q?a?= b)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=    =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a_b?=)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)"),
    ])
    func decodesRFCExamples(encoded: String, expected: String) {
        #expect(EncodedWord.decode(encoded) == expected)
    }

    @Test(arguments: [
        ("=?utf-8?b?UGXDsWE=?=", "Peña"),
        ("=?UTF-8?Q?Pe=C3=B1a?=", "Peña"),
        ("Re: =?UTF-8?B?UGXDsWE=?= y socios", "Re: Peña y socios"),
        ("=?UTF-8*es?Q?Pe=C3=B1a?=", "Peña"),
        // A careless encoder split "ñ" (C3 B1) across two words.
        ("=?UTF-8?Q?Pe=C3?= =?UTF-8?Q?=B1a?=", "Peña"),
        ("no =? word here", "no =? word here"),
        ("=?UTF-8?X?abc?=", "=?UTF-8?X?abc?="),
        ("=?UTF-8?Q?unterminated", "=?UTF-8?Q?unterminated"),
        ("plain ascii", "plain ascii"),
    ])
    func decodesVariants(encoded: String, expected: String) {
        #expect(EncodedWord.decode(encoded) == expected)
    }

    @Test func encodesShortTextAsOneBWord() {
        #expect(EncodedWord.encode("Peña") == ["=?UTF-8?B?UGXDsWE=?="])
        #expect(EncodedWord.encode("") == [])
    }

    @Test func wordsFitAndNeverSplitACharacter() throws {
        let text = String(repeating: "Oferta ñandú 🎉 canción 👩‍👩‍👧‍👦 ", count: 8)
        let words = EncodedWord.encode(text)
        #expect(words.count > 1)
        var joined = ""
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let base64 = String(word.dropFirst(10).dropLast(2))
            let bytes = try #require(Data(base64Encoded: base64))
            // Each word decodes on its own to valid UTF-8.
            joined += try #require(String(validating: bytes, as: UTF8.self))
        }
        #expect(joined == text)
        #expect(EncodedWord.decode(words.joined(separator: "\r\n ").replacingOccurrences(of: "\r\n", with: "")) == text)
    }

    @Test func firstWordCanBeShorter() {
        let words = EncodedWord.encode(String(repeating: "ñ", count: 40), firstWordMaxLength: 67)
        #expect(words[0].count <= 67)
        #expect(words.dropFirst().allSatisfy { $0.count <= 75 })
    }
}

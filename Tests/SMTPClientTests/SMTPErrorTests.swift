import SMTPClient
import Testing

@Suite("SMTPError.isPermanent")
struct SMTPErrorTests {
    @Test("5xx refusals of the mail transaction are permanent", arguments: [(55, 550), (55, 554), (55, 552), (8, 554)])
    func permanent(curlCode: Int, reply: Int) {
        #expect(SMTPError(curlCode: curlCode, smtpReply: reply, message: "").isPermanent)
    }

    @Test("4xx replies, a refused login, TLS and network failures are not", arguments: [
        (55, 451), (55, 421), (67, 535), (64, 250), (60, nil), (7, nil), (28, nil), (35, nil),
    ] as [(Int, Int?)])
    func temporary(curlCode: Int, reply: Int?) {
        #expect(!SMTPError(curlCode: curlCode, smtpReply: reply, message: "").isPermanent)
    }
}

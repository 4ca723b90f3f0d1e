import Foundation
import SMTPClient

/// A client for `sink`, with the sink's credentials (percent-escaped into the URL, as
/// operators write them) unless others are given.
func client(
    for sink: SMTPSink, scheme: String = "smtp", user: String? = SMTPSink.user, password: String = SMTPSink.password,
    trustTestCertificate: Bool = true
) throws -> SMTPClient {
    var userinfo = ""
    if let user {
        userinfo = "\(escaped(user)):\(escaped(password))@"
    }
    let caFile = trustTestCertificate ? try TestCertificate.get().certificate : nil
    var settings = try SMTPSettings(url: "\(scheme)://\(userinfo)127.0.0.1:\(sink.port)", caFile: caFile)
    settings.connectTimeout = 5
    settings.timeout = 20
    return SMTPClient(settings: settings)
}

private func escaped(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
}

/// Sends the test message to `recipients`.
func send(_ client: SMTPClient, to recipients: [String]) async throws(SMTPError) {
    try await client.send(from: TestMessage.from, recipients: recipients, message: TestMessage.build(to: recipients))
}

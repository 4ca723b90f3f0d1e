import AsyncHTTPClient
import Foundation
import ProviderSupport
import NIOCore

/// Sends SMS through Twilio's Programmable Messaging REST API.
public struct TwilioClient: Sendable {
    public struct Configuration: Sendable {
        public var apiBaseURL: String
        public var accountSID: String
        public var authToken: String
        /// The sender number in E.164; used only when `messagingServiceSID` is nil.
        public var from: String?
        /// A Messaging Service picks the sender itself and wins over `from`.
        public var messagingServiceSID: String?
        /// Seconds for the whole exchange, body included.
        public var timeout: TimeInterval

        public init(
            apiBaseURL: String = "https://api.twilio.com", accountSID: String, authToken: String,
            from: String? = nil, messagingServiceSID: String? = nil, timeout: TimeInterval = 15
        ) {
            self.apiBaseURL = apiBaseURL
            self.accountSID = accountSID
            self.authToken = authToken
            self.from = from
            self.messagingServiceSID = messagingServiceSID
            self.timeout = timeout
        }
    }

    /// The created Message resource: its SID ("SM…") and first status ("queued", "accepted").
    public struct Sent: Sendable, Equatable {
        public let sid: String
        public let status: String

        public init(sid: String, status: String) {
            self.sid = sid
            self.status = status
        }
    }

    public let configuration: Configuration
    private let httpClient: HTTPClient

    public init(configuration: Configuration, httpClient: HTTPClient) {
        self.configuration = configuration
        self.httpClient = httpClient
    }

    /// `POST /2010-04-01/Accounts/{sid}/Messages.json`, Basic auth, form fields
    /// To (E.164, "+51…"), From or MessagingServiceSid, Body and StatusCallback.
    public func send(to: String, body: String, statusCallback: String?) async throws(ProviderError) -> Sent {
        let answer = try await ProviderHTTP.send(
            try request(to: to, body: body, statusCallback: statusCallback),
            timeout: configuration.timeout, using: httpClient)
        guard (200..<300).contains(answer.status) else {
            throw TwilioResponse.providerError(status: answer.status, body: answer.body)
        }
        guard let sent = TwilioResponse.sent(in: answer.body) else {
            // Twilio accepted something: sending again could deliver the SMS twice.
            throw ProviderError(
                status: answer.status, code: nil,
                message: "accepted without a message SID: \(BodySnippet.text(answer.body))", isRetryable: false)
        }
        return sent
    }

    private func request(to: String, body: String, statusCallback: String?) throws(ProviderError) -> HTTPClientRequest {
        var fields = [("To", to)]
        if let service = configuration.messagingServiceSID {
            fields.append(("MessagingServiceSid", service))
        } else if let from = configuration.from {
            fields.append(("From", from))
        } else {
            throw ProviderError(
                status: nil, code: nil, message: "Twilio configuration has neither from nor messagingServiceSID",
                isRetryable: false)
        }
        fields.append(("Body", body))
        if let statusCallback { fields.append(("StatusCallback", statusCallback)) }

        let base = configuration.apiBaseURL.hasSuffix("/")
            ? String(configuration.apiBaseURL.dropLast()) : configuration.apiBaseURL
        var request = HTTPClientRequest(url: "\(base)/2010-04-01/Accounts/\(configuration.accountSID)/Messages.json")
        request.method = .POST
        let credentials = Data("\(configuration.accountSID):\(configuration.authToken)".utf8).base64EncodedString()
        request.headers.add(name: "Authorization", value: "Basic \(credentials)")
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: FormURLEncoding.encode(fields)))
        return request
    }
}

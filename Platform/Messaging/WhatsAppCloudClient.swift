import AsyncHTTPClient
import Foundation
import ProviderSupport
import NIOCore

/// Sends WhatsApp messages through Meta's Cloud API (`POST /<phone-number-id>/messages`).
public struct WhatsAppCloudClient: Sendable {
    public struct Configuration: Sendable {
        /// Graph API root including the version, e.g. "https://graph.facebook.com/v21.0".
        public var apiBaseURL: String
        public var phoneNumberID: String
        /// A system-user access token of the business.
        public var accessToken: String
        /// Seconds for the whole exchange, body included.
        public var timeout: TimeInterval

        public init(
            apiBaseURL: String = "https://graph.facebook.com/v21.0", phoneNumberID: String,
            accessToken: String, timeout: TimeInterval = 15
        ) {
            self.apiBaseURL = apiBaseURL
            self.phoneNumberID = phoneNumberID
            self.accessToken = accessToken
            self.timeout = timeout
        }
    }

    /// A document (an invoice PDF) fetched by Meta from `link` and shown as the template header.
    public struct DocumentHeader: Sendable, Equatable {
        public var link: String
        public var filename: String

        public init(link: String, filename: String) {
            self.link = link
            self.filename = filename
        }
    }

    public let configuration: Configuration
    private let httpClient: HTTPClient

    public init(configuration: Configuration, httpClient: HTTPClient) {
        self.configuration = configuration
        self.httpClient = httpClient
    }

    /// A template message (needed outside the 24-hour window): body parameters as text,
    /// optional document header. Returns the message id (wamid).
    /// - Parameter to: digits with country code and no plus, e.g. "51987654321".
    public func sendTemplate(
        to: String, name: String, languageCode: String, bodyParameters: [String],
        document: DocumentHeader?
    ) async throws(ProviderError) -> String {
        let template = WhatsAppRequestBody.Template(
            name: name, languageCode: languageCode, bodyParameters: bodyParameters, document: document)
        return try await send(WhatsAppRequestBody(to: to, template: template))
    }

    /// A free-form text message (only allowed within 24 h of the customer's last message).
    public func sendText(to: String, body: String, previewURL: Bool) async throws(ProviderError) -> String {
        try await send(WhatsAppRequestBody(to: to, text: .init(body: body, previewUrl: previewURL)))
    }

    private func send(_ message: WhatsAppRequestBody) async throws(ProviderError) -> String {
        let answer = try await ProviderHTTP.send(
            try request(for: message), timeout: configuration.timeout, using: httpClient)
        guard (200..<300).contains(answer.status) else {
            throw MetaErrorBody.providerError(status: answer.status, body: answer.body)
        }
        guard let id = WhatsAppSendResponse.messageID(in: answer.body) else {
            // Meta accepted something: sending again could deliver the message twice.
            throw ProviderError(
                status: answer.status, code: nil,
                message: "accepted without a message id: \(BodySnippet.text(answer.body))", isRetryable: false)
        }
        return id
    }

    private func request(for message: WhatsAppRequestBody) throws(ProviderError) -> HTTPClientRequest {
        let body: Data
        do {
            body = try WhatsAppRequestBody.encoder.encode(message)
        } catch {
            throw ProviderError(status: nil, code: nil, message: "cannot encode: \(error)", isRetryable: false)
        }
        let base = configuration.apiBaseURL.hasSuffix("/")
            ? String(configuration.apiBaseURL.dropLast()) : configuration.apiBaseURL
        var request = HTTPClientRequest(url: "\(base)/\(configuration.phoneNumberID)/messages")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(configuration.accessToken)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        return request
    }
}

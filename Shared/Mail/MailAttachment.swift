import Foundation

/// A file sent with, or found in, a mail.
public struct MailAttachment: Sendable, Equatable {
    public var filename: String
    /// Media type such as "application/pdf". The parser reports it lowercased and
    /// without parameters.
    public var contentType: String
    public var data: Data

    public init(filename: String, contentType: String, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

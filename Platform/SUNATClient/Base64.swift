import Foundation

enum Base64 {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString()
    }

    /// SUNAT's base64 may be wrapped in lines; anything that is not base64 is skipped.
    static func decode(_ text: String) -> Data? {
        let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters)
        return data?.isEmpty == false ? data : nil
    }
}

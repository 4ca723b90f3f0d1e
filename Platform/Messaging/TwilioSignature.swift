import Crypto
import Foundation

/// Twilio's `X-Twilio-Signature` on the callbacks it POSTs (status callbacks, inbound SMS).
public enum TwilioSignature {
    /// base64(HMAC-SHA1(authToken, url + each form parameter's key+value, sorted by key)).
    /// `url` must be the full URL Twilio called, query string included, exactly as configured.
    public static func compute(url: String, parameters: [(String, String)], authToken: String) -> String {
        Data(mac(url: url, parameters: parameters, authToken: authToken)).base64EncodedString()
    }

    /// Compares in constant time; a missing, non-base64 or wrong-length header fails.
    public static func isValid(
        _ header: String?, url: String, parameters: [(String, String)], authToken: String
    ) -> Bool {
        guard let header, !authToken.isEmpty,
              let given = Data(base64Encoded: header.trimmingCharacters(in: .whitespaces)),
              given.count == Insecure.SHA1.byteCount
        else { return false }
        return HMAC<Insecure.SHA1>.isValidAuthenticationCode(
            given, authenticating: signedBytes(url: url, parameters: parameters),
            using: SymmetricKey(data: Array(authToken.utf8)))
    }

    private static func mac(url: String, parameters: [(String, String)], authToken: String) -> [UInt8] {
        let code = HMAC<Insecure.SHA1>.authenticationCode(
            for: signedBytes(url: url, parameters: parameters), using: SymmetricKey(data: Array(authToken.utf8)))
        return Array(code)
    }

    /// Repeated keys (e.g. several MediaUrl) are ordered by value too, as Twilio's libraries do.
    private static func signedBytes(url: String, parameters: [(String, String)]) -> [UInt8] {
        let sorted = parameters.sorted { lhs, rhs in
            lhs.0 != rhs.0 ? lhs.0.utf8.lexicographicallyPrecedes(rhs.0.utf8)
                : lhs.1.utf8.lexicographicallyPrecedes(rhs.1.utf8)
        }
        var bytes = Array(url.utf8)
        for (key, value) in sorted {
            bytes += key.utf8
            bytes += value.utf8
        }
        return bytes
    }
}

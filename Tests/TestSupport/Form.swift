import Foundation

/// Reads `application/x-www-form-urlencoded` independently of the code under test.
public enum Form {
    public static func pairs(_ body: String) -> [(String, String)] {
        body.split(separator: "&").map { field in
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : "")
        }
    }

    public static func decode(_ body: String) -> [String: String] {
        Dictionary(pairs(body), uniquingKeysWith: { first, _ in first })
    }

    private static func unescape(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

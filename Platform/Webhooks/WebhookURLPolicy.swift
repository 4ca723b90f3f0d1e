import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which URLs a tenant may point a webhook at. The server calls them from inside our network,
/// so addresses that reach our own machines (loopback, link-local, private ranges) are refused
/// unless the server runs in development mode (SSRF).
public struct WebhookURLPolicy: Sendable {
    public static let maximumLength = 2000

    public enum Violation: Error, Equatable, CustomStringConvertible {
        case notHTTP
        case tooLong
        case noHost
        case credentialsInURL
        case refusedAddress(String)
        case unresolvable(String)

        public var description: String {
            switch self {
            case .notHTTP: "the URL must start with http:// or https://"
            case .tooLong: "the URL is longer than \(WebhookURLPolicy.maximumLength) characters"
            case .noHost: "the URL has no host"
            case .credentialsInURL: "put credentials in the auth header, not in the URL"
            case .refusedAddress(let host): "\(host) is a loopback, link-local or private address"
            case .unresolvable(let host): "\(host) does not resolve"
            }
        }

        /// Key of the message in the string catalogue.
        public var messageKey: String {
            switch self {
            case .notHTTP: "webhooks.url.not_http"
            case .tooLong: "webhooks.url.too_long"
            case .noHost: "webhooks.url.no_host"
            case .credentialsInURL: "webhooks.url.credentials"
            case .refusedAddress: "webhooks.url.refused"
            case .unresolvable: "webhooks.url.unresolvable"
            }
        }
    }

    /// Development mode lets the tenant (the developer) use local receivers.
    public let allowsPrivateAddresses: Bool

    public init(allowsPrivateAddresses: Bool) {
        self.allowsPrivateAddresses = allowsPrivateAddresses
    }

    /// Checks the form of the URL and, when the host is an address or `localhost`, its range.
    /// Names are checked again when resolved at delivery time.
    public func validate(_ raw: String) throws(Violation) -> URL {
        guard raw.count <= Self.maximumLength else { throw .tooLong }
        guard let components = URLComponents(string: raw), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let url = components.url else { throw .notHTTP }
        guard let host = components.host, !host.isEmpty else { throw .noHost }
        guard components.user == nil, components.password == nil else { throw .credentialsInURL }
        if !allowsPrivateAddresses {
            let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            if name == "localhost" || name.hasSuffix(".localhost") || IPRange.isRefused(name) {
                throw .refusedAddress(host)
            }
        }
        return url
    }

    /// Resolves the host (a blocking call: run it off the event loop) and refuses it if any of its addresses is in a refused range: a name
    /// that pointed at a public address when saved may point at 127.0.0.1 now.
    public func checkResolved(host: String) throws(Violation) {
        let addresses = IPRange.resolve(host)
        guard !addresses.isEmpty else { throw .unresolvable(host) }
        if addresses.contains(where: IPRange.isRefused) { throw .refusedAddress(host) }
    }
}

/// Address ranges a webhook must not reach.
enum IPRange {
    /// True for IPv4/IPv6 literals in loopback, private, link-local, shared, multicast or
    /// reserved ranges; false for names and public addresses.
    static func isRefused(_ text: String) -> Bool {
        if let v4 = ipv4(text) { return isRefusedV4(v4) }
        if let v6 = ipv6(text) { return isRefusedV6(v6) }
        return false
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    static func isRefusedV4(_ b: [UInt8]) -> Bool {
        switch (b[0], b[1]) {
        case (0, _), (10, _), (127, _): true                     // this network, private, loopback
        case (100, 64...127): true                               // carrier-grade NAT
        case (169, 254): true                                    // link-local (cloud metadata)
        case (172, 16...31), (192, 168): true                    // private
        case (192, 0) where b[2] == 0: true                      // IETF protocol assignments
        case (198, 18...19): true                                // benchmarking
        case (224...255, _): true                                // multicast, reserved, broadcast
        default: false
        }
    }

    static func isRefusedV6(_ b: [UInt8]) -> Bool {
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xff && b[11] == 0xff {
            return isRefusedV4(Array(b[12..<16]))                // IPv4-mapped
        }
        if b[0..<15].allSatisfy({ $0 == 0 }) && (b[15] == 0 || b[15] == 1) { return true } // :: and ::1
        if b[0] & 0xfe == 0xfc { return true }                   // unique local fc00::/7
        if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return true }   // link-local fe80::/10
        if b[0] == 0xff { return true }                          // multicast
        return false
    }

    /// The host's addresses as text (the host itself if it is an address).
    static func resolve(_ host: String) -> [String] {
        let name = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if ipv4(name) != nil || ipv6(name) != nil { return [name] }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(list) }
        var results: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(entry.pointee.ai_addr, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count),
                           nil, 0, NI_NUMERICHOST) == 0 {
                results.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            cursor = entry.pointee.ai_next
        }
        return results
    }
}

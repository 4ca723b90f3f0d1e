import CCurl

enum CurlGlobal {
    /// curl_global_init is not thread-safe and must run before the first handle; a static let
    /// is initialised exactly once, on first use, under Swift's own lock.
    static let initResult: CURLcode = ccurl_global_init_default()
}

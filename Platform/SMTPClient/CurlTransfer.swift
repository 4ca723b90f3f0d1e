import CCurl
import Foundation

/// One blocking SMTP send with a fresh libcurl easy handle. Every C resource is released
/// on every path: the recipient list, the handle and the callbacks' state.
struct CurlTransfer: Sendable {
    let settings: SMTPSettings

    func send(from: String, recipients: [String], message: Data) -> Result<Void, SMTPError> {
        do {
            try EnvelopeCheck.validate(from: from, recipients: recipients)
            try perform(from: from, recipients: recipients, message: message)
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    private func perform(from: String, recipients: [String], message: Data) throws(SMTPError) {
        try check(CurlGlobal.initResult, "curl_global_init")
        // The list and the callbacks' state are made before the handle so that they are freed
        // after curl_easy_cleanup, which may still use them (the QUIT exchange calls recordReply).
        let list = try RecipientList(recipients)
        defer { list.free() }
        let state = TransferState(message: message)
        let userdata = Unmanaged.passRetained(state)
        defer { userdata.release() }
        guard let handle = curl_easy_init() else {
            throw SMTPError(curlCode: Int(CURLE_FAILED_INIT.rawValue), smtpReply: nil, message: "curl_easy_init failed")
        }
        defer { curl_easy_cleanup(handle) }
        try configure(handle, from: from, list: list, state: state, userdata: userdata.toOpaque())
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            throw failure(code, handle: handle, state: state)
        }
    }

    private func configure(
        _ handle: UnsafeMutableRawPointer, from: String, list: RecipientList, state: TransferState,
        userdata: UnsafeMutableRawPointer
    ) throws(SMTPError) {
        try check(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, state.errorBuffer), "CURLOPT_ERRORBUFFER")
        try check(ccurl_setopt_string(handle, CURLOPT_URL, settings.url), "CURLOPT_URL")
        // `url` is a public var: whatever it was set to, never upload the message over file://, http://...
        try check(ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"), "CURLOPT_PROTOCOLS_STR")
        try configureSecurity(handle)
        try check(ccurl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(from)>"), "CURLOPT_MAIL_FROM")
        try check(ccurl_setopt_slist(handle, CURLOPT_MAIL_RCPT, list.head), "CURLOPT_MAIL_RCPT")
        try configureUpload(handle, size: state.message.count, userdata: userdata)
        try configureLimits(handle)
        try check(ccurl_setopt_long(handle, CURLOPT_VERBOSE, 1), "CURLOPT_VERBOSE")  // feeds recordReply
        try check(ccurl_setopt_debug_function(handle, recordReply), "CURLOPT_DEBUGFUNCTION")
        try check(ccurl_setopt_pointer(handle, CURLOPT_DEBUGDATA, userdata), "CURLOPT_DEBUGDATA")
    }

    private func configureSecurity(_ handle: UnsafeMutableRawPointer) throws(SMTPError) {
        // ALL, never TRY: TRY carries on in clear when the server offers no STARTTLS.
        try check(ccurl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)), "CURLOPT_USE_SSL")
        // Already libcurl's defaults; set so that no build or environment can have them off.
        try check(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1), "CURLOPT_SSL_VERIFYPEER")
        try check(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2), "CURLOPT_SSL_VERIFYHOST")
        if let caFile = settings.caFile {
            try check(ccurl_setopt_string(handle, CURLOPT_CAINFO, caFile), "CURLOPT_CAINFO")
        }
        if let username = settings.username {
            try check(ccurl_setopt_string(handle, CURLOPT_USERNAME, username), "CURLOPT_USERNAME")
            try check(ccurl_setopt_string(handle, CURLOPT_PASSWORD, settings.password ?? ""), "CURLOPT_PASSWORD")
        }
    }

    private func configureUpload(_ handle: UnsafeMutableRawPointer, size: Int, userdata: UnsafeMutableRawPointer)
        throws(SMTPError)
    {
        try check(ccurl_setopt_long(handle, CURLOPT_UPLOAD, 1), "CURLOPT_UPLOAD")
        try check(ccurl_setopt_off(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(size)), "CURLOPT_INFILESIZE_LARGE")
        try check(ccurl_setopt_read_function(handle, readMessage), "CURLOPT_READFUNCTION")
        try check(ccurl_setopt_pointer(handle, CURLOPT_READDATA, userdata), "CURLOPT_READDATA")
    }

    private func configureLimits(_ handle: UnsafeMutableRawPointer) throws(SMTPError) {
        let connect = Int(max(1, settings.connectTimeout * 1000))
        let total = Int(max(1, settings.timeout * 1000))
        try check(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connect), "CURLOPT_CONNECTTIMEOUT_MS")
        try check(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, total), "CURLOPT_TIMEOUT_MS")
        // Timeouts would otherwise use SIGALRM, which is not safe in a multithreaded process.
        try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "CURLOPT_NOSIGNAL")
    }

    private func check(_ code: CURLcode, _ what: String) throws(SMTPError) {
        guard code != CURLE_OK else { return }
        let text = String(cString: curl_easy_strerror(code))
        throw SMTPError(curlCode: Int(code.rawValue), smtpReply: nil, message: "\(what): \(text)")
    }

    private func failure(_ code: CURLcode, handle: UnsafeMutableRawPointer, state: TransferState) -> SMTPError {
        var reply = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        var message = state.curlErrorText
        if message.isEmpty {
            message = String(cString: curl_easy_strerror(code))
        }
        if let serverSaid = state.lastErrorReply {
            message += "; server replied \"\(serverSaid)\""
        }
        return SMTPError(curlCode: Int(code.rawValue), smtpReply: reply == 0 ? nil : reply, message: message)
    }
}

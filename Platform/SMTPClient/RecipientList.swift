import CCurl

/// The curl_slist behind CURLOPT_MAIL_RCPT, each address in angle brackets.
struct RecipientList {
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    init(_ recipients: [String]) throws(SMTPError) {
        for recipient in recipients {
            guard let extended = curl_slist_append(head, "<\(recipient)>") else {
                free()  // on failure curl_slist_append leaves the old list to its owner
                throw SMTPError(curlCode: Int(CURLE_OUT_OF_MEMORY.rawValue), smtpReply: nil, message: "curl_slist_append failed")
            }
            head = extended
        }
    }

    func free() {
        curl_slist_free_all(head)
    }
}

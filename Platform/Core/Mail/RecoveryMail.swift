import Vapor

enum RecoveryMail {
    static func make(name: String, email: String, link: String, language: Language) -> MailOutbox.Mail {
        let t = { (key: String) in Strings.text(key, language) }
        let greeting = "\(t("mail.recovery.greeting")) \(name),"
        let text = """
            \(greeting)

            \(t("mail.recovery.body"))

            \(link)

            \(t("mail.recovery.ignore"))
            """
        let html = """
            <p>\(greeting.escapingHTML())</p>
            <p>\(t("mail.recovery.body").escapingHTML())</p>
            <p><a href="\(link.escapingHTML())">\(t("mail.recovery.button").escapingHTML())</a></p>
            <p>\(t("mail.recovery.ignore").escapingHTML())</p>
            """
        return MailOutbox.Mail(to: email, subject: t("mail.recovery.subject"), text: text, html: html)
    }
}

extension String {
    func escapingHTML() -> String {
        var out = ""
        for c in self {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

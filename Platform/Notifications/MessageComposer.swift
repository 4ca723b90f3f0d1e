import Core
import Foundation

/// Turns a template, a tenant's override and the parameters into the texts of one message.
struct MessageComposer {
    struct Texts: Equatable {
        var subject: String?
        var text: String
        var html: String?
        var whatsAppCall: WhatsAppCall?
    }

    let template: NotificationTemplate
    let override: TemplateOverride?
    let language: Language
    let parameters: [String: String]

    /// The tenant's wording where it has one, the module's otherwise.
    var content: NotificationTemplate.Content {
        var content = template.content(in: language)
        if let override {
            content.subject = override.subject ?? content.subject
            content.body = override.body ?? content.body
            content.short = override.short ?? content.short
        }
        return content
    }

    /// `sender` is the business's name, shown atop the mail; `unsubscribeURL` goes in its footer.
    func email(sender: String, unsubscribeURL: String) -> Texts {
        let subject = TemplateText.render(content.subject ?? "", parameters)
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let body = TemplateText.render(content.body ?? "", parameters)
        let footer = language == .en ? "Stop receiving these emails" : "Dejar de recibir estos correos"
        let text = "\(body)\n\n-- \n\(sender)\n\(footer): \(unsubscribeURL)\n"
        return Texts(subject: subject, text: text,
                     html: EmailLayout.html(subject: subject, sender: sender, body: body, language: language,
                                            footer: footer, unsubscribeURL: unsubscribeURL))
    }

    /// SMS, or WhatsApp: the free-form text plus, when the module has an approved template, the
    /// template call the job uses outside the 24-hour window.
    func short(for channel: NotificationChannel) -> Texts {
        let text = TemplateText.render(content.short ?? "", parameters)
        guard channel == .whatsapp, let approved = template.whatsApp else { return Texts(text: text) }
        let documentLink = approved.documentParameter.flatMap { parameters[$0] }
        let call = WhatsAppCall(
            name: approved.name, languageCode: approved.languageCodes[language] ?? approved.languageCodes[.es] ?? "es",
            bodyParameters: approved.bodyParameters.map { parameters[$0] ?? "" },
            documentLink: documentLink,
            documentFilename: documentLink.map { URL(string: $0)?.lastPathComponent ?? "documento.pdf" })
        return Texts(text: text, whatsAppCall: call)
    }
}

/// The HTML around an email's text: every value is escaped, so what a customer typed or a tenant
/// wrote in a template can never become markup. Blank lines make paragraphs; links become links.
enum EmailLayout {
    static func html(subject: String, sender: String, body: String, language: Language, footer: String,
                     unsubscribeURL: String) -> String {
        let paragraphs = body.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.isEmpty }
            .map { paragraph -> String in
                let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { linked(escape(String($0))) }
                return "<p style=\"margin:0 0 16px\">\(lines.joined(separator: "<br>\n"))</p>"
            }
            .joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="\(language == .en ? "en" : "es-PE")">
            <head><meta charset="utf-8"><title>\(escape(subject))</title></head>
            <body style="margin:0;padding:0;background:#f5f5f4;font-family:Helvetica,Arial,sans-serif;color:#1c1917">
            <div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff">
            <p style="margin:0 0 24px;font-weight:bold;color:#0f766e">\(escape(sender))</p>
            \(paragraphs)
            <hr style="border:none;border-top:1px solid #e7e5e4;margin:24px 0">
            <p style="font-size:12px;color:#78716c"><a href="\(escape(unsubscribeURL))" style="color:#78716c">\(escape(footer))</a></p>
            </div>
            </body>
            </html>
            """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
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

    /// Wraps http(s) words of already escaped text in links; escaping left no quotes or angle
    /// brackets in them, so they are safe inside the attribute.
    static func linked(_ escaped: String) -> String {
        escaped.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard word.hasPrefix("https://") || word.hasPrefix("http://") else { return String(word) }
            let url = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?)"))
            return "<a href=\"\(url)\">\(url)</a>\(word.dropFirst(url.count))"
        }.joined(separator: " ")
    }
}

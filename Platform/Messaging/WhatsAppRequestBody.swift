import Foundation

/// The JSON of `POST /<phone-number-id>/messages`, for the two kinds of message we send.
struct WhatsAppRequestBody: Encodable {
    struct Template: Encodable {
        struct Language: Encodable { let code: String }
        let name: String
        let language: Language
        /// Left out when empty: a template without variables takes no components.
        let components: [Component]?

        init(name: String, languageCode: String, bodyParameters: [String],
             document: WhatsAppCloudClient.DocumentHeader?) {
            var components: [Component] = []
            if let document {
                let pdf = Parameter.Document(link: document.link, filename: document.filename)
                let header = Parameter(type: "document", document: pdf)
                components.append(Component(type: "header", parameters: [header]))
            }
            if !bodyParameters.isEmpty {
                let texts = bodyParameters.map { Parameter(type: "text", text: $0) }
                components.append(Component(type: "body", parameters: texts))
            }
            self.name = name
            self.language = Language(code: languageCode)
            self.components = components.isEmpty ? nil : components
        }
    }

    struct Component: Encodable {
        let type: String
        let parameters: [Parameter]
    }

    struct Parameter: Encodable {
        struct Document: Encodable {
            let link: String
            let filename: String
        }
        let type: String
        var text: String? = nil
        var document: Document? = nil
    }

    struct Text: Encodable {
        let body: String
        let previewUrl: Bool
    }

    let messagingProduct = "whatsapp"
    let recipientType = "individual"
    let to: String
    let type: String
    var template: Template? = nil
    var text: Text? = nil

    init(to: String, template: Template) {
        self.to = to
        self.type = "template"
        self.template = template
    }

    init(to: String, text: Text) {
        self.to = to
        self.type = "text"
        self.text = text
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }
}

/// `{"messaging_product":"whatsapp","contacts":[...],"messages":[{"id":"wamid..."}]}`
struct WhatsAppSendResponse: Decodable {
    struct Message: Decodable { let id: String }
    let messages: [Message]

    static func messageID(in body: [UInt8]) -> String? {
        let id = (try? JSONDecoder().decode(Self.self, from: Data(body)))?.messages.first?.id
        return id?.isEmpty == false ? id : nil
    }
}

import Core

/// The messages the webhooks part sends its owners.
enum WebhookTemplates {
    static let endpointDisabled = NotificationTemplate(
        "webhooks.endpoint_disabled",
        LocalizedText(es: "Aviso de webhook desactivado", en: "Webhook disabled notice"),
        parameters: ["name", "url", "reason", "link"],
        content: [
            .es: .init(
                subject: "Desactivamos un webhook de tu negocio",
                body: """
                    Hola {{name}}:

                    Desactivamos tu webhook {{url}} ({{reason}}). Ya no le enviamos eventos.

                    Revisa el receptor y vuelve a activarlo aquí: {{link}}
                    """),
            .en: .init(
                subject: "We disabled one of your business's webhooks",
                body: """
                    Hello {{name}},

                    We disabled your webhook {{url}} ({{reason}}). It no longer receives events.

                    Check the receiver and switch it back on here: {{link}}
                    """),
        ])
}

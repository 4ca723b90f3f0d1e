/// Messages the platform core sends itself.
enum CoreTemplates {
    static let passwordReset = NotificationTemplate(
        "auth.password_reset",
        LocalizedText(es: "Enlace para crear una nueva contraseña", en: "Link to set a new password"),
        parameters: ["name", "link"],
        content: [
            .es: .init(
                subject: "Recupera tu contraseña de Multinicho",
                body: """
                    Hola {{name}},

                    Pediste cambiar tu contraseña. Abre este enlace en la próxima hora:

                    {{link}}

                    Si no fuiste tú, ignora este correo: tu contraseña no cambia.
                    """),
            .en: .init(
                subject: "Reset your Multinicho password",
                body: """
                    Hello {{name}},

                    You asked to change your password. Open this link within the next hour:

                    {{link}}

                    If this was not you, ignore this mail: your password stays the same.
                    """),
        ],
        urgent: true, essential: true, tenantEditable: false)

    static let all = [passwordReset]
}

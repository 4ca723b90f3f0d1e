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

    static let invitation = NotificationTemplate(
        "team.invitation",
        LocalizedText(es: "Invitación a unirse a un negocio", en: "Invitation to join a business"),
        parameters: ["business", "inviter", "role", "link"],
        content: [
            .es: .init(
                subject: "{{inviter}} te invita a {{business}} en Multinicho",
                body: """
                    Hola:

                    {{inviter}} te invita a unirte a {{business}} en Multinicho como {{role}}. Acepta en los próximos 7 días:

                    {{link}}

                    Si no esperabas esta invitación, ignora este correo.
                    """),
            .en: .init(
                subject: "{{inviter}} invites you to {{business}} on Multinicho",
                body: """
                    Hello,

                    {{inviter}} invites you to join {{business}} on Multinicho as {{role}}. Accept within the next 7 days:

                    {{link}}

                    If you did not expect this invitation, ignore this mail.
                    """),
        ],
        urgent: true, essential: true, tenantEditable: false)

    static let emailVerification = NotificationTemplate(
        "auth.email_verification",
        LocalizedText(es: "Enlace para confirmar el correo", en: "Link to confirm the email address"),
        parameters: ["name", "link"],
        content: [
            .es: .init(
                subject: "Confirma tu correo en Multinicho",
                body: """
                    Hola {{name}},

                    Confirma que este es tu correo abriendo este enlace:

                    {{link}}

                    Si no creaste una cuenta en Multinicho, ignora este correo.
                    """),
            .en: .init(
                subject: "Confirm your email on Multinicho",
                body: """
                    Hello {{name}},

                    Confirm this is your email address by opening this link:

                    {{link}}

                    If you did not create a Multinicho account, ignore this mail.
                    """),
        ],
        urgent: true, essential: true, tenantEditable: false)

    static let all = [passwordReset, invitation, emailVerification]
}

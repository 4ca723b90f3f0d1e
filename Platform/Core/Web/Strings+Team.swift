/// The team page and the invitation link.
enum TeamStrings {
    static let spanish: [String: String] = [
        "team.title": "Equipo", "team.members": "Personas con acceso", "team.invite": "Invitar a alguien",
        "team.email": "Correo de la persona", "team.role": "Rol", "team.role.owner": "dueño", "team.role.staff": "personal",
        "team.role.customer": "cliente", "team.send": "Enviar invitación", "team.pending": "Invitaciones pendientes",
        "team.expires": "vence", "team.revoke": "Anular", "team.remove": "Quitar acceso", "team.you": "tú",
        "team.invited": "Invitación enviada a", "team.removed": "Acceso quitado.",
        "team.error.member": "Esa persona ya es parte del negocio.",
        "team.error.last_owner": "El negocio necesita al menos un dueño: no se puede quitar al último.",
        "team.error.self": "No puedes quitarte a ti mismo el acceso.",
        "team.error.role": "Elige dueño o personal.",
        "invite.title": "Invitación", "invite.text": "Te invitaron a unirte a", "invite.as": "como",
        "invite.join": "Unirme al negocio", "invite.create": "Crea tu cuenta para unirte",
        "invite.login": "Ya tienes cuenta con este correo: ingresa para aceptar.",
        "invite.other_user": "Esta invitación es para otro correo. Sal de tu cuenta e ingresa con ese correo.",
        "invite.invalid": "Este enlace de invitación no es válido.",
        "invite.expired": "Esta invitación venció. Pide a quien te invitó que la envíe otra vez.",
        "invite.used": "Esta invitación ya se usó.",
    ]

    static let english: [String: String] = [
        "team.title": "Team", "team.members": "People with access", "team.invite": "Invite someone",
        "team.email": "Their e-mail", "team.role": "Role", "team.role.owner": "owner", "team.role.staff": "staff",
        "team.role.customer": "customer", "team.send": "Send invitation", "team.pending": "Pending invitations",
        "team.expires": "expires", "team.revoke": "Revoke", "team.remove": "Remove access", "team.you": "you",
        "team.invited": "Invitation sent to", "team.removed": "Access removed.",
        "team.error.member": "That person is already part of the business.",
        "team.error.last_owner": "The business needs at least one owner: the last one cannot be removed.",
        "team.error.self": "You cannot remove your own access.",
        "team.error.role": "Choose owner or staff.",
        "invite.title": "Invitation", "invite.text": "You were invited to join", "invite.as": "as",
        "invite.join": "Join the business", "invite.create": "Create your account to join",
        "invite.login": "You already have an account with this e-mail: sign in to accept.",
        "invite.other_user": "This invitation is for another e-mail. Sign out and sign in with that e-mail.",
        "invite.invalid": "This invitation link is not valid.",
        "invite.expired": "This invitation has expired. Ask whoever invited you to send it again.",
        "invite.used": "This invitation was already used.",
    ]
}

/// The membership and admin billing pages' texts.
enum BillingStrings {
    static let spanish: [String: String] = [
        "membership.title": "Membresía", "membership.plan": "Plan", "membership.state": "Estado",
        "membership.trial_ends": "La prueba termina", "membership.next_due": "Próximo vencimiento",
        "membership.no_charges": "Aún no hay cobros.", "membership.period": "Periodo", "membership.due": "Vence",
        "membership.charge.open": "Pendiente", "membership.charge.paid": "Pagado", "membership.charge.waived": "Exonerado",
        "membership.error.method": "Elija un medio de pago disponible para un cobro pendiente.",
        "billing.console_title": "Membresías", "billing.chart_title": "Negocios por estado", "billing.mrr": "Ingreso mensual recurrente (MRR)",
        "billing.business": "Negocio", "billing.balance": "Saldo", "billing.reason": "Motivo (obligatorio)", "billing.apply": "Aplicar",
        "billing.action.extend_grace": "Extender plazo (días)", "billing.action.free_month": "Regalar un mes",
        "billing.action.manual_payment": "Registrar pago manual", "billing.action.change_plan": "Cambiar plan",
        "billing.action.block": "Bloquear", "billing.action.unblock": "Desbloquear",
        "billing.plans": "Planes", "billing.policy": "Escalera de cobranza", "billing.audit": "Registro de acciones",
        "billing.policy_help": "Pasos en JSON: offset_days respecto del vencimiento (negativo = antes) y action: reminder, warning, read_only, blocked o cancelled.",
        "billing.save": "Guardar", "billing.done": "Hecho.",
        "billing.error.reason": "Escriba el motivo de la acción (hasta 300 caracteres).",
        "billing.error.days": "Indique de 1 a 60 días.", "billing.error.nothing_owed": "Este negocio no tiene cobros pendientes.",
        "billing.error.plan": "Revise el plan: código, nombre, precio mensual mayor que cero y descuentos entre 0 y 90 por periodo.",
        "billing.error.action": "Acción desconocida.", "billing.error.policy_json": "La escalera no es una lista JSON de pasos válida.",
    ]

    static let english: [String: String] = [
        "membership.title": "Membership", "membership.plan": "Plan", "membership.state": "State",
        "membership.trial_ends": "Trial ends", "membership.next_due": "Next due date",
        "membership.no_charges": "No charges yet.", "membership.period": "Period", "membership.due": "Due",
        "membership.charge.open": "Open", "membership.charge.paid": "Paid", "membership.charge.waived": "Waived",
        "membership.error.method": "Choose an available payment method for an open charge.",
        "billing.console_title": "Memberships", "billing.chart_title": "Businesses by state", "billing.mrr": "Monthly recurring revenue (MRR)",
        "billing.business": "Business", "billing.balance": "Balance", "billing.reason": "Reason (required)", "billing.apply": "Apply",
        "billing.action.extend_grace": "Extend grace (days)", "billing.action.free_month": "Give a free month",
        "billing.action.manual_payment": "Register a manual payment", "billing.action.change_plan": "Change plan",
        "billing.action.block": "Block", "billing.action.unblock": "Unblock",
        "billing.plans": "Plans", "billing.policy": "Dunning ladder", "billing.audit": "Audit log",
        "billing.policy_help": "Steps as JSON: offset_days from the due date (negative = before) and action: reminder, warning, read_only, blocked or cancelled.",
        "billing.save": "Save", "billing.done": "Done.",
        "billing.error.reason": "Write the reason for the action (up to 300 characters).",
        "billing.error.days": "Give 1 to 60 days.", "billing.error.nothing_owed": "This business owes nothing.",
        "billing.error.plan": "Check the plan: code, name, a monthly price above zero and discounts of 0 to 90 per period.",
        "billing.error.action": "Unknown action.", "billing.error.policy_json": "The ladder is not a valid JSON list of steps.",
    ]
}

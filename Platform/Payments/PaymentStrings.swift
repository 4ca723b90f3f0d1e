/// The payer's pages' text, added to the app's catalogue at start-up.
enum PaymentStrings {
    static let spanish: [String: String] = [
        "pay.title": "Tu pago",
        "pay.amount": "Monto",
        "pay.state": "Estado",
        "pay.state.pending": "Pendiente de pago",
        "pay.state.claimed": "En revisión por el negocio",
        "pay.state.approved": "Pagado",
        "pay.state.rejected": "Rechazado",
        "pay.state.refunded": "Devuelto",
        "pay.state.expired": "Vencido",
        "pay.continue": "Ir a pagar",
        "pay.reason": "Motivo",
        "pay.sandbox.title": "Pasarela de prueba",
        "pay.sandbox.lead": "Este pago es de prueba: nadie paga de verdad. Elige qué responde la pasarela.",
        "pay.sandbox.approve": "Aprobar el pago",
        "pay.sandbox.reject": "Rechazar el pago",
        "pay.sandbox.decided": "Este pago ya no está pendiente.",
    ]

    static let english: [String: String] = [
        "pay.title": "Your payment",
        "pay.amount": "Amount",
        "pay.state": "Status",
        "pay.state.pending": "Waiting for payment",
        "pay.state.claimed": "Being reviewed by the business",
        "pay.state.approved": "Paid",
        "pay.state.rejected": "Rejected",
        "pay.state.refunded": "Refunded",
        "pay.state.expired": "Expired",
        "pay.continue": "Go to payment",
        "pay.reason": "Reason",
        "pay.sandbox.title": "Test gateway",
        "pay.sandbox.lead": "This is a test payment: nobody really pays. Choose what the gateway answers.",
        "pay.sandbox.approve": "Approve the payment",
        "pay.sandbox.reject": "Reject the payment",
        "pay.sandbox.decided": "This payment is no longer pending.",
    ]
}

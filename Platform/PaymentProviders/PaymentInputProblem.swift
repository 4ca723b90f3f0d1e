import Shared

/// What was wrong with a payment request that we refused before calling the provider.
public enum PaymentInputProblem: Sendable, Equatable, CustomStringConvertible {
    /// Zero or negative.
    case amountNotPositive(Money)
    /// Above what the method can take in one payment (Yape caps a payer's single payment).
    case amountAboveLimit(Money, limit: Money)
    case currencyNotSupported(Currency)
    /// Yape numbers are Peruvian mobiles: 9 digits starting with 9, no country code.
    case invalidYapePhone
    /// The approval code ("código de aprobación") from the payer's Yape app: 6 digits.
    case invalidYapeCode
    /// Stripe keeps keys up to 255 characters; an empty key would make a retry a new payment.
    case invalidIdempotencyKey
    /// A required text is empty, too long, or (for ids that go into a URL path) not `[A-Za-z0-9_]`.
    case invalidField(String)
    /// A base URL, key or header value the HTTP client cannot send.
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .amountNotPositive(let amount): "amount must be positive, got \(amount)"
        case .amountAboveLimit(let amount, let limit): "amount \(amount) is above the limit of \(limit)"
        case .currencyNotSupported(let currency): "currency \(currency.code) is not supported here"
        case .invalidYapePhone: "Yape phone must be 9 digits starting with 9"
        case .invalidYapeCode: "Yape approval code must be 6 digits"
        case .invalidIdempotencyKey: "idempotency key must be 1 to 255 characters"
        case .invalidField(let name): "invalid \(name)"
        case .invalidConfiguration(let detail): "invalid configuration: \(detail)"
        }
    }

    /// Spanish (Peru) text for the payer, when the payer can fix it.
    public var userMessage: String? {
        switch self {
        case .amountNotPositive: "El monto debe ser mayor que cero."
        case .amountAboveLimit(_, let limit): "Con Yape se puede pagar hasta \(limit) por operación."
        case .invalidYapePhone: "Ingresa tu celular de Yape: 9 dígitos que empiezan con 9."
        case .invalidYapeCode: "Ingresa el código de aprobación de 6 dígitos de tu app Yape."
        default: nil
        }
    }
}

import Foundation
import PaymentProviders
import Shared
import TestSupport
import Testing

@Suite("Culqi (Yape) client against the fake Culqi API")
struct CulqiClientTests {
    static func yape(phone: String = "900000001", code: String = "425251", amount: Int64 = 7000,
                     currency: Currency = .pen, email: String = "cliente@bodega.pe") -> CulqiYapePayment {
        CulqiYapePayment(
            phone: phone, code: code, amount: Money(cents: amount, currency: currency), email: email,
            paymentID: "pay_01JDX5", description: "Pedido 1042")
    }

    @Test func yapePaymentIsATokenThenACharge() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let charge = try await fake.culqi().payWithYape(Self.yape())

        #expect(charge.succeeded && charge.id.hasPrefix("chr_test_"))
        #expect(charge.amount == 7000 && charge.amountRefunded == 0 && charge.currencyCode == "PEN")
        #expect(charge.metadata == ["payment_id": "pay_01JDX5"])
        #expect(charge.outcome?.userMessage == "Su compra ha sido exitosa.")
        let sent = try await fake.requests()
        #expect(sent.map(\.path) == ["/culqi-secure/v2/tokens/yape", "/culqi-api/v2/charges"])
        #expect(sent.map(\.status) == [201, 201])
        #expect(sent[0].headers["authorization"] == "Bearer \(FakePayments.culqiPublicKey)")
        #expect(sent[1].headers["authorization"] == "Bearer \(FakePayments.culqiSecretKey)")
        #expect(sent.allSatisfy { $0.headers["content-type"] == "application/json" })
        #expect(sent[0].json == (try JSON.parse("""
            {"number_phone":"900000001","otp":"425251","amount":7000,"metadata":{"payment_id":"pay_01JDX5"}}
            """)))
        let tokenID = try #require(sent[1].json?["source_id"])
        #expect(sent[1].json == (try JSON.parse("""
            {"amount":7000,"currency_code":"PEN","email":"cliente@bodega.pe","source_id":\(tokenID),"capture":true,
             "description":"Pedido 1042","metadata":{"payment_id":"pay_01JDX5"}}
            """)))
    }

    /// Culqi's webhook is unsigned: it only tells us which charge to read back.
    @Test(arguments: [false, true])
    func webhookLeadsToARefetchOfTheCharge(dataAsString: Bool) async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let culqi = fake.culqi()
        let charge = try await culqi.payWithYape(Self.yape())
        let event = try CulqiEvent.parse(try await fake.culqiEvent(charge: charge.id, dataAsString: dataAsString))

        #expect(event.type == "charge.creation.succeeded" && event.id.hasPrefix("evt_test_"))
        #expect(event.objectType == "charge")
        let refetched = try await culqi.charge(id: try #require(event.objectID))
        #expect(refetched == charge)
        #expect(try await fake.requests().last?.path == "/culqi-api/v2/charges/\(charge.id)")
    }

    @Test func wrongApprovalCodeIsADeclineWithCulqisWordsAndNoCharge() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.culqi().payWithYape(Self.yape(code: "000000"))
        }
        #expect(error.reason == .declined)
        #expect(error.provider == .culqi && error.status == 422 && error.type == "parameter_error")
        #expect(error.message.hasPrefix("El código de aprobación de Yape no es válido"))
        #expect(error.userMessage != nil && !error.isRetryable)
        #expect(try await fake.requests().map(\.path) == ["/culqi-secure/v2/tokens/yape"])
    }

    @Test func insufficientYapeBalanceIsADeclineWithTheIssuersReason() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.culqi().payWithYape(Self.yape(phone: "900000402"))
        }
        #expect(error.reason == .declined)
        #expect(error.status == 402 && error.type == "card_error" && error.declineCode == "insufficient_funds")
        #expect(error.userMessage == "Tu Yape no tiene saldo suficiente. Usa otro medio de pago.")
        #expect(!error.isRetryable)
    }

    @Test(arguments: [
        (yape(phone: "90000001"), PaymentInputProblem.invalidYapePhone),
        (yape(phone: "800000001"), .invalidYapePhone),
        (yape(phone: "+51900000001"), .invalidYapePhone),
        (yape(phone: "9000０0001"), .invalidYapePhone),
        (yape(code: "42525"), .invalidYapeCode),
        (yape(code: "4252510"), .invalidYapeCode),
        (yape(code: "42a251"), .invalidYapeCode),
        (yape(amount: 0), .amountNotPositive(Money(cents: 0))),
        (yape(amount: -700), .amountNotPositive(Money(cents: -700))),
        (yape(amount: 200_001), .amountAboveLimit(Money(cents: 200_001), limit: Money(cents: 200_000))),
        (yape(currency: .usd), .currencyNotSupported(.usd)),
        (yape(email: " "), .invalidField("email")),
    ])
    func badInputIsRefusedBeforeAnyRequest(payment: CulqiYapePayment, problem: PaymentInputProblem) async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.culqi().payWithYape(payment)
        }
        #expect(error.reason == .invalidInput(problem))
        #expect(error.status == nil && !error.isRetryable)
        #expect(try await fake.requests().isEmpty)
    }

    /// A tenant may refuse earlier than S/ 2,000, at the S/ 500 every payer's app allows.
    @Test func lowerConfiguredLimitRefusesEarlier() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let culqi = fake.culqi(yapeLimit: Money(cents: 50_000))
        let error = try await #require(throws: PaymentProviderError.self) {
            try await culqi.payWithYape(Self.yape(amount: 50_001))
        }
        #expect(error.reason == .invalidInput(.amountAboveLimit(Money(cents: 50_001), limit: Money(cents: 50_000))))
        #expect(error.userMessage == "Con Yape se puede pagar hasta S/ 500.00 por operación.")
        let atLimit = try await culqi.payWithYape(Self.yape(amount: 50_000))
        #expect(atLimit.amount == 50_000)
    }

    /// Culqi's minimum charge is S/ 3.00: Culqi refuses, and says which field.
    @Test func amountBelowCulqisMinimumIsCulqisParameterError() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.culqi().payWithYape(Self.yape(amount: 200))
        }
        #expect(error.reason == .invalidRequest)
        #expect(error.status == 422 && error.code == "invalid_amount")
        #expect(error.message.contains("(param amount)"))
    }

    @Test func wrongPublicKeyIsAuthenticationNotADecline() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.culqi(publicKey: FakePayments.culqiSecretKey).payWithYape(Self.yape())
        }
        #expect(error.reason == .authentication && error.status == 401 && !error.isRetryable)
    }

    @Test func wrongSecretKeyIsAuthentication() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.culqi(secretKey: "sk_test_revoked").payWithYape(Self.yape())
        }
        #expect(error.reason == .authentication && error.type == "authentication_error")
        #expect(try await fake.requests().map(\.status) == [201, 401])
    }

    @Test(arguments: [("900000429", 429, PaymentProviderError.Reason.rateLimited),
                      ("900000500", 500, PaymentProviderError.Reason.providerFailure)])
    func throttlingAndServerErrorsAreRetryable(
        phone: String, status: Int, reason: PaymentProviderError.Reason
    ) async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.culqi().payWithYape(Self.yape(phone: phone))
        }
        #expect(error.status == status && error.reason == reason && error.isRetryable)
    }

    @Test func timeoutIsRetryableWithoutStatus() async throws {
        // The fake answers after 60 s, far beyond the 1 s timeout even on a loaded machine.
        let fake = try FakePayments(slowSeconds: 60)
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.culqi(timeout: 1).payWithYape(Self.yape(phone: "900000999"))
        }
        #expect(error.reason == .noAnswer && error.status == nil && error.isRetryable)
        #expect(error.message.contains("1.0 s"))
    }

    @Test func unknownChargeIsAResourceError() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.culqi().charge(id: "chr_test_nope")
        }
        #expect(error.reason == .invalidRequest && error.status == 404 && error.type == "resource_error")
    }

    @Test func refundsReduceWhatIsLeftAndCannotExceedIt() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let culqi = fake.culqi()
        let charge = try await culqi.payWithYape(Self.yape())

        let refund = try await culqi.refund(
            chargeID: charge.id, amount: Money(cents: 2500), reason: .requestedByCustomer)
        #expect(refund.amount == 2500 && refund.chargeID == charge.id && refund.reason == "solicitud_comprador")
        #expect(try await fake.requests().last?.json == (try JSON.parse(
            #"{"amount":2500,"charge_id":"\#(charge.id)","reason":"solicitud_comprador"}"#)))
        #expect(try await culqi.charge(id: charge.id).amountRefunded == 2500)

        let error = try await #require(throws: PaymentProviderError.self) {
            try await culqi.refund(chargeID: charge.id, amount: Money(cents: 4501), reason: .duplicate)
        }
        #expect(error.reason == .invalidRequest && error.status == 422)
        let zero = try await #require(throws: PaymentProviderError.self) {
            try await culqi.refund(chargeID: charge.id, amount: Money(cents: 0), reason: .duplicate)
        }
        #expect(zero.reason == .invalidInput(.amountNotPositive(Money(cents: 0))))
    }
}

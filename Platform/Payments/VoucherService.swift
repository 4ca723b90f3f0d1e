import Core
import Fluent
import Foundation
import Shared
import Vapor

/// What the payer sends after paying the business's Yape or Plin.
public struct Voucher: Sendable, Equatable {
    public struct Screenshot: Sendable, Equatable {
        public let data: Data
        public let contentType: String
        public init(data: Data, contentType: String) {
            self.data = data
            self.contentType = contentType
        }
    }

    public var wallet: PaymentWallet.Kind
    public var operationNumber: String
    public var amount: Money
    public var screenshot: Screenshot?

    public init(wallet: PaymentWallet.Kind, operationNumber: String, amount: Money, screenshot: Screenshot? = nil) {
        self.wallet = wallet
        self.operationNumber = operationNumber
        self.amount = amount
        self.screenshot = screenshot
    }
}

/// Why a voucher or a review was refused; 422, naming the field. `key` is the message in the
/// strings catalogue (`voucher.error.*`), which may contain `%amount` and `%expected`.
public struct VoucherProblem: AbortError, Equatable {
    public let field: String
    public let key: String
    public var expected: Money?
    public var status: HTTPResponseStatus { .unprocessableEntity }
    public var reason: String { "\(field): \(key)" }
}

/// Claiming a voucher payment and deciding on it.
public enum VoucherService {
    public static let screenshotLimit = 2 << 20
    static let screenshotTypes: Set<String> = ["image/png", "image/jpeg", "image/webp"]

    /// Records the voucher and moves the payment to `claimed`. A duplicate operation number
    /// for this business and wallet is refused, and nothing already saved is touched.
    public static func claim(_ voucher: Voucher, for payment: Payment, now: Date, on db: any Database) async throws {
        let normalized = try validate(voucher, for: payment)
        guard try await PaymentWallet.query(on: db).filter(\.$tenantID == payment.tenantID)
            .filter(\.$kind == normalized.wallet).first() != nil else {
            throw VoucherProblem(field: "wallet", key: "voucher.error.wallet")
        }
        let claim = VoucherClaim(tenantID: payment.tenantID, paymentID: try payment.requireID(), voucher: normalized, now: now)
        do {
            try await db.transaction { tx in
                try await claim.create(on: tx)
                guard case .changed = try await PaymentLedger.transition(payment, to: .claimed, reason: nil, raw: nil, now: now, on: tx) else {
                    throw VoucherProblem(field: "payment", key: "voucher.error.not_pending")
                }
                // Staff decide a claimed voucher; the expiry sweep must not.
                try await Payment.query(on: tx).filter(\.$id == payment.requireID()).set(\.$expiresAt, to: nil).update()
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw try await duplicate(normalized, payment: payment, on: db)
        }
    }

    /// Staff's decision on a claimed voucher; a rejection needs a reason the payer will read.
    public static func review(
        _ payment: Payment, approve: Bool, reason: String?, reviewer: UUID, now: Date, on db: any Database
    ) async throws {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if !approve, reason?.isEmpty ?? true { throw VoucherProblem(field: "reason", key: "voucher.error.reason") }
        let paymentID = try payment.requireID()
        try await db.transaction { tx in
            let outcome = try await PaymentLedger.transition(payment, to: approve ? .approved : .rejected,
                                                             reason: approve ? nil : reason, raw: nil, now: now, on: tx)
            guard case .changed = outcome else { throw VoucherProblem(field: "payment", key: "voucher.error.not_claimed") }
            try await VoucherClaim.query(on: tx).filter(\.$paymentID == paymentID)
                .set(\.$reviewedBy, to: reviewer).set(\.$reviewedAt, to: now).update()
        }
    }

    private static func validate(_ voucher: Voucher, for payment: Payment) throws -> Voucher {
        guard payment.provider == .voucher, payment.state == .pending else {
            throw VoucherProblem(field: "payment", key: "voucher.error.not_pending")
        }
        var normalized = voucher
        normalized.operationNumber = voucher.operationNumber.filter { !$0.isWhitespace }
        guard (4...20).contains(normalized.operationNumber.count), normalized.operationNumber.allSatisfy(\.isASCIIDigit) else {
            throw VoucherProblem(field: "operationNumber", key: "voucher.error.operation")
        }
        guard voucher.amount == payment.amount else {
            throw VoucherProblem(field: "amount", key: "voucher.error.amount", expected: payment.amount)
        }
        if let screenshot = voucher.screenshot {
            guard screenshotTypes.contains(screenshot.contentType), screenshot.data.count <= screenshotLimit else {
                throw VoucherProblem(field: "screenshot", key: "voucher.error.screenshot")
            }
        }
        return normalized
    }

    /// Which unique key the refused insert hit: this operation number, or a second voucher for
    /// the same payment (a double submit).
    private static func duplicate(_ voucher: Voucher, payment: Payment, on db: any Database) async throws -> VoucherProblem {
        let used = try await VoucherClaim.query(on: db).filter(\.$tenantID == payment.tenantID)
            .filter(\.$wallet == voucher.wallet).filter(\.$operationNumber == voucher.operationNumber).first()
        return used != nil ? VoucherProblem(field: "operationNumber", key: "voucher.error.duplicate")
            : VoucherProblem(field: "payment", key: "voucher.error.not_pending")
    }
}

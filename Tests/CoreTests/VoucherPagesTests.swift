@testable import Core
import Fluent
import Foundation
@testable import Payments
import Shared
import Testing
import Vapor

extension AllTests {
    @Suite struct VoucherPagesTests {}
}

extension AllTests.VoucherPagesTests {
    @Test func ownerSetsUpAWalletSendsALinkThePayerClaimsAndStaffApproves() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            let owner = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/payments")
            let base = "/t/\(business.slug)/payments"

            let badWallet = try await owner.post("\(base)/wallets", [("kind", "yape"), ("phone", "4567890"), ("holder", "Rosa Q.")])
            #expect(badWallet.status == .unprocessableEntity && badWallet.body.contains("celular peruano de 9 dígitos"))
            let saved = try await owner.post("\(base)/wallets", [("kind", "yape"), ("phone", "987 654 321"), ("holder", "Rosa Q.")])
            #expect(saved.status == .seeOther)

            let created = try await owner.post("\(base)/links", [("description", "Lavado 5 kg"), ("amount", "35.00")])
            let id = try #require(created.location?.components(separatedBy: "link=").last)
            #expect(try await owner.get(created.location ?? "").body.contains("/pay/\(id)"))

            let payer = Browser(app)
            let page = try await payer.get("/pay/\(id)")
            #expect(page.body.contains("987654321") && page.body.contains(#"id="voucher-form""#))
            let wrong = try await payer.post("/pay/\(id)/voucher", [("wallet", "yape"), ("operationNumber", "123456"), ("amount", "30.00")])
            #expect(wrong.status == .unprocessableEntity && wrong.body.contains("El monto pagado debe ser S/ 35.00."))
            let claimed = try await payer.post("/pay/\(id)/voucher", [("wallet", "yape"), ("operationNumber", "123456"), ("amount", "35.00")])
            #expect(claimed.status == .seeOther)
            #expect(try await payer.get("/pay/\(id)").body.contains(#"data-state="claimed""#))

            let list = try await owner.get(base)
            #expect(list.body.contains(#"id="payment-\#(id)" data-state="claimed""#) && list.body.contains("123456"))
            let noReason = try await owner.post("\(base)/\(id)/reject", [("reason", "")])
            #expect(noReason.status == .unprocessableEntity && noReason.body.contains("Indica el motivo del rechazo"))
            #expect(try await owner.post("\(base)/\(id)/approve", []).status == .seeOther)
            #expect(try await payer.get("/pay/\(id)").body.contains(#"data-state="approved""#))

            // The same operation number cannot pay a second link.
            let second = try await owner.post("\(base)/links", [("description", "Planchado"), ("amount", "35.00")])
            let secondID = try #require(second.location?.components(separatedBy: "link=").last)
            let duplicate = try await payer.post("/pay/\(secondID)/voucher", [("wallet", "yape"), ("operationNumber", "123456"), ("amount", "35.00")])
            #expect(duplicate.status == .unprocessableEntity && duplicate.body.contains("ya fue registrado"))
        }
    }

    @Test func staffCannotSetUpWalletsOrLinks() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            _ = try await addMember(app, to: business, email: "staff@example.pe", role: .staff)
            let staff = Browser(app)
            try await signIn(staff, "staff@example.pe", "clave-segura-123")
            let base = "/t/\(business.slug)/payments"
            #expect(try await staff.get(base).status == .ok)
            #expect(try await staff.post("\(base)/links", [("description", "x"), ("amount", "1.00")]).status == .forbidden)
        }
    }
}

@testable import Core
import Fluent
import Foundation
@testable import Invoicing
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct InvoicingPagesTests {}
}

extension AllTests.InvoicingPagesTests {
    @Test func aDraftIsEditedIssuedAndThenFixed() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let base = "/t/\(business.slug)"
            let browser = try await ownerBrowser(app, business, opening: "\(base)/customers")
            let saved = try await browser.post("\(base)/customers", [
                ("document_type", "6"), ("document_number", "20131312955"), ("name", "Servicios Añaños S.A."), ("email", "compras@anianos.pe"),
            ])
            #expect(saved.status == .seeOther || saved.status == .found, "\(saved.body)")
            let customer = try #require(try await InvoiceCustomer.query(on: app.db).first())
            let bad = try await browser.post("\(base)/customers", [("document_type", "6"), ("document_number", "20131312956"), ("name", "X")])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("no es un RUC válido"))

            try await browser.get("\(base)/invoices/new")
            let draft = try await browser.post("\(base)/invoices", [
                ("type", "01"), ("customer_id", customer.id!.lowercased), ("currency", "PEN"),
                ("description[]", "Arroz extra 5 kg"), ("quantity[]", "2"), ("unit_price[]", "23.60"), ("unit_code[]", "NIU"), ("tax[]", "gravado"),
                ("description[]", ""), ("quantity[]", ""), ("unit_price[]", ""), ("unit_code[]", "NIU"), ("tax[]", "gravado"),
            ])
            let location = try #require(draft.location, "\(draft.status) \(draft.body.prefix(2000))")
            let record = try #require(try await InvoiceRecord.query(on: app.db).first())
            #expect(record.status == .draft && record.number == nil && DocumentItem.decode(record.itemsJSON).count == 1)

            try await browser.get("\(location)/edit")
            let invalid = try await browser.post(location, [
                ("type", "01"), ("customer_id", customer.id!.lowercased), ("description[]", "Arroz"), ("quantity[]", "-1"), ("unit_price[]", "23.60"),
            ])
            #expect(invalid.status == .unprocessableEntity && invalid.body.contains("debe ser mayor que cero"))
            _ = try await browser.post(location, [
                ("type", "01"), ("customer_id", customer.id!.lowercased), ("description[]", "Arroz extra 5 kg"), ("quantity[]", "3"), ("unit_price[]", "23.60"),
            ])
            try await browser.get(location)
            let issued = try await browser.post("\(location)/issue", [])
            #expect(issued.location?.hasSuffix("?issued=1") == true, "\(issued.status) \(issued.body.prefix(1500))")
            let page = try await browser.get(location)
            #expect(page.body.contains("F001-1") && page.body.contains("S/ 70.80") && page.body.contains(#"id="download-pdf""#))
            let fresh = try #require(try await InvoiceRecord.find(record.id, on: app.db))
            #expect(fresh.status == .signed && fresh.number == 1)

            // Signed: no more editing or deleting, and no second number.
            #expect(try await browser.post(location, [("type", "03"), ("description[]", "x"), ("quantity[]", "1"), ("unit_price[]", "1")]).status == .conflict)
            #expect(try await browser.post("\(location)/delete", []).status == .conflict)
            _ = try await browser.post("\(location)/issue", [])
            #expect(try await InvoiceRecord.find(record.id, on: app.db)?.number == 1)

            let pdf = try await browser.get("\(location)/pdf")
            #expect(pdf.status == .ok && pdf.body.hasPrefix("%PDF"))
            let history = try await browser.get("\(base)/invoices?q=anianos&type=01")
            #expect(history.body.contains("doc-\(record.id!.lowercased)"))
            #expect(!(try await browser.get("\(base)/invoices?type=03").body.contains("doc-\(record.id!.lowercased)")))
            let csv = try await browser.get("\(base)/invoices/export.csv?type=01")
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.body.contains("01,F001,1,") && csv.body.contains("Servicios Añaños S.A.") && csv.body.contains(",70.80,signed,"))

            // A customer with documents can be deleted: it disappears from the list, not from them.
            _ = try await browser.post("\(base)/customers/\(customer.id!.lowercased)/delete", [])
            #expect(!(try await browser.get("\(base)/customers").body.contains("20131312955")))
            #expect(try await browser.get(location).body.contains("Servicios Añaños S.A."))
        }
    }

    @Test func creditAndDebitNotesAreDraftedFromTheirDocument() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let key = try await makeAPIKey(app, business)
            let invoice = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody).json()
            let id = try #require(invoice["id"] as? String)
            let base = "/t/\(business.slug)/invoices"
            let browser = try await ownerBrowser(app, business, opening: "\(base)/new?credit_note_for=\(id)")
            let creditForm = try await browser.get("\(base)/new?credit_note_for=\(id)")
            #expect(creditForm.body.contains("Arroz extra 5 kg") && creditForm.body.contains("01 — Anulación de la operación"))
            let tooMuch = try await browser.post(base, [
                ("reference_id", id), ("note_type", "07"), ("motive", "07"), ("note_description", "Devolución"),
                ("description[]", "Arroz extra 5 kg"), ("quantity[]", "5"), ("unit_price[]", "23.60"),
            ])
            #expect(tooMuch.status == .seeOther || tooMuch.status == .found, "a draft saves; the amount is checked at issue")
            let draftPath = try #require(tooMuch.location)
            let refused = try await browser.post("\(draftPath)/issue", [])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("solo quedan 57.20"), "\(refused.body.prefix(3000))")

            let debit = try await browser.post(base, [
                ("reference_id", id), ("note_type", "08"), ("motive", "01"), ("note_description", "Intereses por pago tardío"),
                ("description[]", "Intereses"), ("quantity[]", "1"), ("unit_price[]", "5.90"),
            ])
            let debitPath = try #require(debit.location, "\(debit.status) \(debit.body.prefix(2000))")
            _ = try await browser.get(debitPath)
            #expect(try await browser.post("\(debitPath)/issue", []).location?.hasSuffix("?issued=1") == true)
            let page = try await browser.get(debitPath)
            #expect(page.body.contains("Nota de débito electrónica") && page.body.contains("FD01-1") && page.body.contains("F001-1"))
            #expect(page.body.contains("01 — Intereses por mora"))
        }
    }

    @Test func settingsKeepSecretsSealedAndSeriesOnlyMoveForward() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let base = "/t/\(business.slug)/invoicing/settings"
            let browser = try await ownerBrowser(app, business, opening: base)
            let saved = try await browser.post(base, [
                ("legal_name", "BODEGA ROSA E.I.R.L."), ("address_line", "Av. Abancay 123"), ("ubigeo", "150101"), ("district", "Lima"),
                ("province", "Lima"), ("department", "Lima"), ("establishment_code", "0000"), ("environment", "beta"),
                ("pdf_format", "ticket"), ("sol_user", "FACTUR01"), ("sol_password", "clave-sol-secreta"),
            ])
            #expect(saved.location?.hasSuffix("?saved=1") == true, "\(saved.status) \(saved.body.prefix(1500))")
            let profile = try #require(try await InvoicingProfile.query(on: app.db).first())
            #expect(profile.environment == .beta && profile.pdfFormat == "ticket" && profile.ubigeo == "150101")
            let sealed = try #require(profile.solPasswordSealed)
            let shown = try await browser.get(base).body
            #expect(!sealed.contains("clave-sol-secreta") && !shown.contains("clave-sol-secreta"))
            #expect(try ProfileCredentials(secretKey: app.config.secretKey).sol(of: profile).password == "clave-sol-secreta")

            let refused = try await browser.post(base, [("legal_name", "X"), ("ubigeo", "15"), ("environment", "production")])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("6 dígitos") && refused.body.contains("certificado"))

            _ = try await browser.post("\(base)/series", [("document_type", "01"), ("series", "F002"), ("next_number", "120")])
            _ = try await browser.post("\(base)/series", [("document_type", "01"), ("series", "F002"), ("next_number", "5")])
            let f002 = try await InvoiceSeries.query(on: app.db).filter(\.$series == "F002").filter(\.$environment == .beta).first()
            #expect(f002?.nextNumber == 120, "a series never goes back")
            #expect(try await browser.post("\(base)/series", [("document_type", "03"), ("series", "F003")]).status == .unprocessableEntity)

            let staff = try await addMember(app, to: business, email: "caja@example.pe", role: .staff)
            let cashier = Browser(app)
            try await signIn(cashier, staff.email, "clave-segura-123")
            #expect(try await cashier.get(base).status == .forbidden)
            let list = try await cashier.get("/t/\(business.slug)/invoices")
            #expect(list.status == .ok, "\(list.body.prefix(3000))")
        }
    }
}

@testable import Core
import Fluent
import Foundation
@testable import Invoicing
@testable import Minimarket
@testable import Salon
@testable import Reports
import Shared
import SQLKit
import Testing
import TestSupport
import VaporTesting

extension AllTests {
    @Suite struct ReportTests {}
}

/// Today's sales of the test bodega: a cashier sells at the till in cash and by Yape, the API
/// sells twice in cash, and the owner gives one of those back (a credit note).
private func daysSales(_ world: MarketWorld) async throws -> Browser {
    let staff = try await cashier(world)
    let till = "/t/\(world.business.slug)/minimarket/till/sales"
    let cash = saleJSON("till-cash-01", [(world.incaKola, "2")], cash: "5.00")
    #expect(try await tillCall(staff, .POST, till, json: cash).status == .created)
    let yape = #"{"client_id": "till-yape-01", "lines": [{"product_id": "\#(world.arroz.uuidString)", "quantity": "1"}], "#
        + #""payments": [{"method": "yape", "amount": "4.20", "reference": "88112233"}]}"#
    #expect(try await tillCall(staff, .POST, till, json: yape).status == .created)
    let kept = try await apiPost(world.app, "/api/v1/minimarket/sales", key: world.key, json: saleJSON("api-cash-01", [(world.arroz, "3")], cash: "12.60"))
    #expect(kept.status == .created)
    let returned = try await apiPost(world.app, "/api/v1/minimarket/sales", key: world.key,
                                     json: saleJSON("api-cash-02", [(world.arroz, "2")], cash: "8.40"))
    let saleID = try #require(try returned.json()["id"] as? String).lowercased()
    let owner = Browser(world.app)
    try await signIn(owner, "rosa@bodega.pe", "clave-segura-123")
    let sales = "/t/\(world.business.slug)/minimarket/sales"
    try await owner.get(sales)
    #expect(try await owner.post("\(sales)/\(saleID)/return", [("reason", "Bolsa rota")]).status == .ok)
    return owner
}

extension AllTests.ReportTests {
    /// The report's figures are the documents' own: compared with a sum made here, document by
    /// document, and broken down by method, seller and product.
    @Test func todaysReportNetsTheCreditNoteAndMatchesTheDocuments() async throws {
        try await withMarket { world in
            let owner = try await daysSales(world)
            let records = try await InvoiceRecord.query(on: world.app.db).filter(\.$tenantID == world.business.id).all()
            #expect(records.count == 5 && records.filter { $0.documentType == "07" }.count == 1)
            let expected = records.reduce(Int64(0)) { $0 + ($1.documentType == "07" ? -$1.totalCents : $1.totalCents) }
            #expect(expected == 500 + 420 + 1260)
            // And straight from SQL, written here rather than borrowed from the report's code.
            let sql = try #require(world.app.db as? any SQLDatabase)
            let summed = try #require(try await sql.raw("""
                SELECT CAST(SUM(total_cents) AS BIGINT) AS sold,
                       (SELECT CAST(SUM(total_cents) AS BIGINT) FROM invoicing_documents WHERE document_type = '07') AS credited
                FROM invoicing_documents WHERE document_type <> '07'
                """).first())
            #expect(try summed.decode(column: "sold", as: Int64.self) - summed.decode(column: "credited", as: Int64.self) == expected)

            let today = LimaDate(world.app.clock.now())
            let report = try await SalesQuery.report(tenantID: world.business.id, environment: .sandbox, from: today, to: today,
                                                     on: world.app.db)
            #expect(report.totals.total == expected && report.totals.documents == 4 && report.totals.creditNotes == 1)
            #expect(report.totals.subtotal + report.totals.igv == report.totals.total)
            #expect(report.days.map(\.total) == [expected])
            let methods = Dictionary(uniqueKeysWithValues: report.paymentMethods.map { ($0.key, $0.total) })
            #expect(methods == ["cash": 500 + 1260, "yape": 420], "the returned cash sale and its note cancel out")
            let cashier = try #require(try await User.query(on: world.app.db).filter(\.$email == "caja@bodega.pe").first())
            #expect(report.staff.first { $0.key == cashier.id?.uuidString }?.total == 920)
            #expect(report.staff.first { $0.label == cashier.name }?.count == 2)
            let rice = try #require(report.products.first { $0.key == "ARR-750" })
            #expect(rice.count == 4 && rice.total == 1680 && rice.label == "Arroz Costeño 750 g")

            let page = try await owner.get("/t/\(world.business.slug)/reports?period=today")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<div class="report-card" id="card-total"><span class="muted">Total vendido</span><strong>S/ 21.80</strong>"#))
            #expect(page.body.contains("<td>Efectivo</td><td>3</td><td>S/ 17.60</td>") && page.body.contains("<td>Yape</td><td>1</td><td>S/ 4.20</td>"))
            #expect(page.body.contains("<td>Member caja@bodega.pe</td><td>2</td><td>S/ 9.20</td>"))
            #expect(page.body.contains(#"id="chart-bars""#) && page.body.contains(#"id="chart-comparison""#))
            #expect(page.body.contains(#"id="chart-share""#) && page.body.contains("Efectivo"))
            // The minimarket's own table: the returned sale does not count.
            #expect(page.body.contains(#"id="section-minimarket-best-sellers""#))
            #expect(page.body.contains("<tr><td>Arroz Costeño 750 g</td><td>4</td><td>S/ 16.80</td></tr>"))
            #expect(page.body.contains(#"id="section-minimarket-low-stock""#))
        }
    }

    /// A range the owner typed wrong gets its reason next to the dates (400), never a 500; staff
    /// do not see the reports.
    @Test func aBadRangeIsRefusedWithItsReason() async throws {
        try await withMarket { world in
            let owner = try await ownerBrowser(world.app, world.business)
            let base = "/t/\(world.business.slug)/reports"
            let backwards = try await owner.get("\(base)?from=2026-11-30&to=2026-11-01")
            #expect(backwards.status == .badRequest && backwards.body.contains(#"id="error-from""#))
            let garbage = try await owner.get("\(base)?from=ayer&to=hoy")
            #expect(garbage.status == .badRequest && garbage.body.contains(#"id="error-from""#))
            let tooLong = try await owner.get("\(base)?from=2024-01-01&to=2026-01-01")
            #expect(tooLong.status == .badRequest)
            #expect(try await owner.get("\(base)?period=year").status == .ok)

            _ = try await addMember(world.app, to: world.business, email: "caja@bodega.pe", role: .staff)
            let staff = Browser(world.app)
            try await signIn(staff, "caja@bodega.pe", "clave-segura-123")
            #expect(try await staff.get(base).status == .forbidden)
        }
    }

    /// The Excel download, read back with openpyxl: a sheet per breakdown, amounts as numbers in
    /// soles, days as dates, the header frozen.
    @Test func excelDownloadHasASheetPerBreakdownWithRealNumbers() async throws {
        try await withMarket { world in
            let owner = try await daysSales(world)
            let cookie = try #require(owner.cookie)
            let response = try await world.app.testing().sendRequest(
                .GET, "/t/\(world.business.slug)/reports/ventas.xlsx?period=today", headers: ["Cookie": "mn_session=\(cookie)"])
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentDisposition)?.contains(".xlsx") == true)
            let probe = try XLSXProbe.read(Data(buffer: response.body))
            #expect(probe.sheets.map(\.name) == ["Resumen", "Por día", "Por cliente", "Por producto o servicio", "Por medio de pago",
                                                  "Por vendedor", "Más vendidos", "Stock bajo"])
            let best = probe.sheets[6].rows.dropFirst().first { $0[0].value == .string("Arroz Costeño 750 g") }
            #expect(best?[1].value == .number(4) && best?[2].value == .number(16.8) && best?[2].format.contains("S/") == true)
            #expect(probe.sheets.allSatisfy { $0.freezePanes == "A2" && $0.headerBold.allSatisfy { $0 } })
            let summary = probe.sheets[0].rows
            let total = try #require(summary.first { $0.first?.value == .string("Total vendido") })
            #expect(total[1].value == .number(21.8) && total[1].type == "float" && total[1].format.contains("S/"))
            #expect(total[2].value == .number(0), "nothing the day before")
            let day = probe.sheets[1].rows[1]
            #expect(day[0].type == "datetime" && day[0].value == .string("\(LimaDate(world.app.clock.now()).iso)T00:00:00"))
            #expect(day[1].value == .number(21.8))
            let methods = probe.sheets[4].rows.dropFirst().map { [$0[0].value, $0[2].value] }
            #expect(methods.contains([.string("Efectivo"), .number(17.6)]) && methods.contains([.string("Yape"), .number(4.2)]))
            let products = probe.sheets[3].rows.dropFirst()
            #expect(products.contains { $0[0].value == .string("Arroz Costeño 750 g") && $0[1].value == .number(4) && $0[2].value == .number(16.8) })
        }
    }

    /// A salon's paid booking: paid in the sandbox, issued for its stylist, its service one
    /// product whatever the day, and the salon's table of services per stylist.
    @Test func aSalonReportCountsItsStylists() async throws {
        try await withSalon { world in
            let app = world.app
            let created = try await apiPost(app, "/api/v1/salon/bookings", key: world.key,
                                            json: world.bookingJSON(world.at("10:00"), service: world.alisado, staff: world.ana))
            let id = try #require(try created.json()["id"] as? String)
            let pay = try await apiPost(app, "/api/v1/salon/bookings/\(id)/pay", key: world.key, json: #"{"method": "sandbox"}"#)
            try await approveInSandbox(app, try #require(try pay.json()["paymentID"] as? String).lowercased())
            try await settle(app)

            let today = LimaDate(app.clock.now())
            let report = try await SalesQuery.report(tenantID: world.business.id, environment: .sandbox, from: today, to: today, on: app.db)
            #expect(report.totals.total == 12000 && report.paymentMethods.map(\.key) == ["sandbox"])
            let ana = try #require(try await SalonStylist.find(world.ana, on: app.db))
            let anaUser = try #require(try await User.find(ana.userID, on: app.db))
            #expect(report.staff.map(\.label) == [anaUser.name], "issued for the stylist who did the work")
            #expect(report.products.map(\.label) == ["Alisado corto"] && report.products.first?.key.hasPrefix("SRV-") == true)

            let owner = try await ownerBrowser(app, world.business)
            let page = try await owner.get("/t/\(world.slug)/reports?from=\(today.iso)&to=\(salonTuesday.iso)")
            #expect(page.status == .ok && page.body.contains(#"id="section-salon-stylists""#))
            #expect(page.body.contains("<tr><td>\(ana.name)</td><td>1</td><td>S/ 120.00</td></tr>"))
        }
    }

    /// The PDF download: A4, the business, the totals and the tables, as text a reader extracts.
    @Test func pdfDownloadCarriesTheTotalsAsText() async throws {
        try await withMarket { world in
            let owner = try await daysSales(world)
            let cookie = try #require(owner.cookie)
            let response = try await world.app.testing().sendRequest(
                .GET, "/t/\(world.business.slug)/reports/ventas.pdf?period=today", headers: ["Cookie": "mn_session=\(cookie)"])
            #expect(response.status == .ok && response.headers.contentType == .pdf)
            let probe = try PDFProbe.read(Data(buffer: response.body))
            let text = probe.text.joined(separator: "\n")
            #expect(text.contains("Reporte de ventas") && text.contains("Bodega Doña Rosa · RUC \(RUCs.a)"))
            #expect(text.contains("Total vendido") && text.contains("S/ 21.80"))
            #expect(text.contains("Arroz Costeño 750 g") && text.contains("Más vendidos") && text.contains("Página 1 de"))
        }
    }

    /// A report over more documents than the threshold is made by a job: a page with its
    /// progress, then the file; another business cannot see it.
    @Test func aBigReportIsMadeInTheBackgroundWithItsProgress() async throws {
        try await withMarket { world in
            let app = world.app
            app.reportJobThreshold = 2
            let owner = try await daysSales(world)
            let started = try await owner.get("/t/\(world.business.slug)/reports/ventas.xlsx?period=today")
            let location = try #require(started.location)
            #expect(started.status == .seeOther && location.contains("/reports/exports/"))
            let waiting = try await owner.get(location)
            #expect(waiting.status == .ok && waiting.body.contains(#"data-waiting="true""#) && waiting.body.contains("En cola"))
            #expect(!waiting.body.contains("export-download"))
            #expect(try await owner.get("\(location)/file").status == .conflict)

            try await runJobs(app)
            let done = try await owner.get(location)
            #expect(done.body.contains("Listo") && done.body.contains(#"id="export-download""#) && done.body.contains(#"aria-valuenow="100""#))
            let cookie = try #require(owner.cookie)
            let file = try await app.testing().sendRequest(.GET, "\(location)/file", headers: ["Cookie": "mn_session=\(cookie)"])
            #expect(file.status == .ok)
            let probe = try XLSXProbe.read(Data(buffer: file.body))
            let total = try #require(probe.sheets.first?.rows.first { $0.first?.value == .string("Total vendido") })
            #expect(total[1].value == .number(21.8))

            let other = try await makeBusiness(app, name: "Otra Bodega", email: "otra@bodega.pe", modules: ["minimarket"])
            let stranger = try await ownerBrowser(app, other)
            let id = try #require(location.split(separator: "/").last)
            #expect(try await stranger.get("/t/\(other.slug)/reports/exports/\(id)").status == .notFound)

            app.reportJobThreshold = 100
            #expect(try await owner.get("/t/\(world.business.slug)/reports/ventas.pdf?period=today").status == .ok, "small: at once")
        }
    }
}


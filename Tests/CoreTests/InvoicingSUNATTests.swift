@testable import Core
import Fluent
import Foundation
@testable import Invoicing
import SUNATClient
import TestSupport
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct InvoicingSUNATTests {}
}

/// `tests/support/fake_sunat.py` for the demo RUC with SUNAT beta's public SOL user: the
/// document number picks its answer (2800 rejected, 4287 observed, others accepted).
private final class FakeSUNATService: Sendable {
    private let helper: PythonHelper

    init(ruc: String) throws {
        helper = try PythonHelper("tests/support/fake_sunat.py",
                                  ["--ruc", ruc, "--user", "MODDATOS", "--password", "moddatos", "--pending-polls", "1"])
    }

    deinit { helper.stop() }

    var sunat: InvoicingSUNAT {
        let base = "http://127.0.0.1:\(helper.port)"
        let endpoints = SUNATEndpoints(bill: base + "/ol-ti-itcpfegem-beta/billService",
                                       consult: base + "/ol-it-wsconscpegem-beta/billConsultService")
        return InvoicingSUNAT(beta: endpoints, production: endpoints)
    }
}

extension AllTests.InvoicingSUNATTests {
    /// A business on SUNAT beta: each document's state is what SUNAT's CDR says, and a void
    /// goes through a comunicación de baja and its ticket.
    @Test func statesComeFromTheCDRAndVoidsFromTheTicket() async throws {
        let fake = try FakeSUNATService(ruc: RUCs.a)
        try await withTestApp(sunat: fake.sunat) { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let key = try await makeAPIKey(app, business)
            let profile = try await InvoicingProfiles.ensure(business.tenant, app: app, on: app.db)
            profile.environment = .beta
            try await profile.save(on: app.db)

            var states: [String: String] = [:]
            for number in [1, 2800, 4287, 500] {
                try await InvoiceSeries.query(on: app.db).filter(\.$series == "F001").filter(\.$environment == .beta)
                    .set(\.$nextNumber, to: number).update()
                let issued = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody).json()
                #expect(issued["sandbox"] as? Bool == false && issued["full_number"] as? String == "F001-\(number)")
                try await runJobs(app)
                let id = try #require(issued["id"] as? String)
                let now = try await api(app, .GET, "/api/v1/invoices/\(id)", key: key).json()
                states["F001-\(number)"] = now["status"] as? String
                if number == 2800 {
                    #expect((now["sunat"] as? [String: Any])?["code"] as? String == "2800")
                }
                if number == 4287 {
                    #expect((now["sunat"] as? [String: Any])?["notes"] as? [String] != [])
                }
            }
            // 500: SUNAT answered with an HTML error page; the document stays "sent" and the job retries.
            #expect(states == ["F001-1": "accepted", "F001-2800": "rejected", "F001-4287": "observed", "F001-500": "sent"])
            let retrying = try await JobRecord.query(on: app.db).filter(\.$kind == "invoicing.send").filter(\.$state == .failed).count()
            #expect(retrying == 1)
            let events = try await StoredEvent.query(on: app.db).all().map(\.type).filter { $0.hasPrefix("invoice.") }
            #expect(events.filter { $0 == "invoice.accepted" }.count == 2 && events.filter { $0 == "invoice.rejected" }.count == 1)

            let accepted = try #require(try await InvoiceRecord.query(on: app.db).filter(\.$number == 1).first())
            let cdr = try #require(accepted.cdr)
            #expect(try CDR.parse(applicationResponse: cdr).referenceID == "F001-1")
            let void = try await apiPost(app, "/api/v1/invoices/\(accepted.id!.lowercased)/void", key: key, json: #"{"reason": "Error en el precio"}"#)
            #expect(void.status == .accepted)
            try await runJobs(app)
            let after = try #require(try await InvoiceRecord.find(accepted.id, on: app.db))
            #expect(after.status == .voided && after.voidID?.hasPrefix("RA-") == true && after.voidTicket != nil)
            let rejected = try #require(try await InvoiceRecord.query(on: app.db).filter(\.$number == 2800).first())
            #expect(try await apiPost(app, "/api/v1/invoices/\(rejected.id!.lowercased)/void", key: key, json: #"{"reason": "x"}"#).status == .conflict,
                    "a rejected document cannot be voided")
        }
    }
}

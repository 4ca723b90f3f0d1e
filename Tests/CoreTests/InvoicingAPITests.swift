@testable import Core
import Fluent
import Foundation
@testable import Invoicing
import Shared
import SQLKit
import SUNATClient
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct InvoicingAPITests {}
}

/// A factura body to the RUC customer of the fixtures: 2 × 23.60 + 1 × 10.00 (with IGV).
let facturaBody = """
    {"type": "01", "customer": {"document_type": "6", "document_number": "20131312955", "name": "Servicios Añaños S.A.",
     "email": "compras@anianos.pe"},
     "items": [{"description": "Arroz extra 5 kg", "quantity": 2, "unit_price": "23.60"},
               {"description": "Reparto", "quantity": "1", "unit_price": 10, "unit_code": "ZZ"}]}
    """

func apiPost(_ app: Application, _ path: String, key: String, json: String, idempotencyKey: String? = nil) async throws -> TestingHTTPResponse {
    var headers = HTTPHeaders()
    headers.bearerAuthorization = BearerAuthorization(token: key)
    headers.contentType = .json
    if let idempotencyKey { headers.add(name: "Idempotency-Key", value: idempotencyKey) }
    return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: json))
}

/// The problems of a 422 as "pointer rule" strings.
func problems(_ response: TestingHTTPResponse) throws -> [String] {
    let list = try response.json()["problems"] as? [[String: Any]] ?? []
    return list.map { "\($0["pointer"] as? String ?? "?") \($0["rule"] as? String ?? "?")" }
}

extension AllTests.InvoicingAPITests {
    @Test func aFacturaIsNumberedSignedAndThenAcceptedInTheSandbox() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let key = try await makeAPIKey(app, business)
            let created = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody)
            #expect(created.status == .accepted, "\(created.text)")
            let invoice = try created.json()
            let id = try #require(invoice["id"] as? String)
            #expect(id == id.lowercased())
            #expect(invoice["full_number"] as? String == "F001-1" && invoice["status"] as? String == "signed")
            #expect(invoice["sandbox"] as? Bool == true, "a new business invoices in the sandbox")
            #expect(created.headers.first(name: .location) == "http://localhost:8080/api/v1/invoices/\(id)")
            let totals = try #require(invoice["totals"] as? [String: String])
            #expect(totals == ["taxable": "48.47", "exempt": "0.00", "unaffected": "0.00", "igv": "8.73", "total": "57.20"])

            let xml = try await api(app, .GET, "/api/v1/invoices/\(id)/xml", key: key)
            #expect(xml.status == .ok && xml.headers.contentType?.subType == "xml")
            #expect(xml.text.contains("<cbc:ID>F001-1</cbc:ID>") && xml.text.contains("<ds:Signature"))
            #expect(try await api(app, .GET, "/api/v1/invoices/\(id)/cdr", key: key).status == .notFound, "no CDR before SUNAT answers")

            try await runJobs(app)
            let accepted = try await api(app, .GET, "/api/v1/invoices/\(id)", key: key).json()
            #expect(accepted["status"] as? String == "accepted")
            let cdr = try await api(app, .GET, "/api/v1/invoices/\(id)/cdr", key: key)
            let parsed = try CDR.parse(applicationResponse: Data(cdr.text.utf8))
            #expect(parsed.responseCode == 0 && parsed.referenceID == "F001-1")
            let pdf = try await api(app, .GET, "/api/v1/invoices/\(id)/pdf?format=ticket", key: key)
            #expect(pdf.status == .ok && pdf.text.hasPrefix("%PDF"))
            #expect(try problems(try await api(app, .GET, "/api/v1/invoices/\(id)/pdf?format=a5", key: key)) == ["/format enum"])

            let events = try await StoredEvent.query(on: app.db).sort(\.$occurredAt).all().map(\.type)
            #expect(events.filter { $0.hasPrefix("invoice.") } == ["invoice.issued", "invoice.accepted"])
            let customers = try await api(app, .GET, "/api/v1/customers?q=anianos", key: key).json()["data"] as? [[String: Any]]
            #expect(customers?.first?["document_number"] as? String == "20131312955", "the inline customer was saved")
        }
    }

    @Test func anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let key = try await makeAPIKey(app, business)
            let first = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody, idempotencyKey: "order-1001")
            let again = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody, idempotencyKey: "order-1001")
            #expect(first.status == .accepted && again.status == .accepted)
            #expect(again.text == first.text && again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(again.headers.first(name: .location) == first.headers.first(name: .location))
            #expect(try await InvoiceRecord.query(on: app.db).count() == 1)

            let other = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody.replacingOccurrences(of: "Reparto", with: "Flete"),
                                          idempotencyKey: "order-1001")
            #expect(try other.status == .conflict && other.json()["code"] as? String == "idempotency_conflict")
            let bad = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody, idempotencyKey: String(repeating: "k", count: 256))
            #expect(try problems(bad) == [" idempotency_key"])
            // A refused request keeps nothing: the key is free for the corrected body.
            let refused = try await apiPost(app, "/api/v1/invoices", key: key, json: #"{"type": "01", "items": []}"#, idempotencyKey: "order-1002")
            #expect(refused.status == .unprocessableEntity)
            #expect(try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody, idempotencyKey: "order-1002").status == .accepted)
            // The nightly sweep forgets keys after a day; then the key is new again.
            try await CoreJobs.runSweep(now: Date().addingTimeInterval(IdempotentRequests.retention + 60), on: app.db)
            let later = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody.replacingOccurrences(of: "Reparto", with: "Flete"),
                                          idempotencyKey: "order-1001")
            #expect(later.status == .accepted && later.headers.first(name: "Idempotent-Replayed") == nil)
        }
    }

    @Test func badInputIsA422WithAPointerAndARule() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let key = try await makeAPIKey(app, business)
            let cases: [(String, [String])] = [
                (#"{"type": "01", "items": [1,}"#, [" json"]),
                (#"{"type": "01", "customer": {"document_type": "6", "document_number": "20131312955", "name": "X"}, "itmes": [], "items": [{"description": "A", "quantity": 1, "unit_price": 1}]}"#,
                 ["/itmes unknown_field"]),
                (#"{"type": "03", "items": [{"description": "A", "quantity": -2, "unit_price": "5.00"}]}"#, ["/items/0/quantity positive"]),
                (#"{"type": "03", "items": [{"description": "A", "quantity": 1, "unit_price": "5.00000000001"}, {"description": "", "quantity": 0, "unit_price": 1}]}"#,
                 ["/items/0/unit_price decimals", "/items/1/description required", "/items/1/quantity positive"]),
                (#"{"type": "01", "customer": {"document_type": "1", "document_number": "44556677", "name": "Ana"}, "items": [{"description": "A", "quantity": 1, "unit_price": 5}]}"#,
                 ["/customer/document_type customer_ruc_required"]),
                (#"{"type": "03", "items": [{"description": "Televisor", "quantity": 1, "unit_price": "700.01"}]}"#,
                 ["/customer boleta_identification_required"]),
                (#"{"type": "01", "series": "F777", "customer": {"document_type": "6", "document_number": "20131312955", "name": "X"}, "items": [{"description": "A", "quantity": 1, "unit_price": 1}]}"#,
                 ["/series unknown_series"]),
                (#"{"type": "01", "customer_id": "6b1f0c1e-5b1a-4c1e-9d1a-0a0b0c0d0e0f", "items": [{"description": "A", "quantity": 1, "unit_price": 1}]}"#,
                 ["/customer_id not_found"]),
                (#"{"type": "01", "customer": {"document_type": "6", "document_number": "20131312956", "name": "X"}, "items": [{"description": "A", "quantity": 1, "unit_price": 1}]}"#,
                 ["/customer/document_number ruc"]),
                (#"{"type": "09", "currency": "EUR", "items": "none"}"#, ["/type enum", "/currency enum", "/items type"]),
            ]
            for (body, expected) in cases {
                let response = try await apiPost(app, "/api/v1/invoices", key: key, json: body)
                #expect(response.status == .unprocessableEntity, "\(body) → \(response.status)")
                #expect(try problems(response) == expected, "\(body)")
                #expect(try response.json()["code"] as? String == "validation_failed")
            }
            #expect(try await InvoiceRecord.query(on: app.db).count() == 0, "nothing was issued")
            let english = try await app.testing().sendRequest(.POST, "/api/v1/invoices", headers: [
                "Authorization": "Bearer \(key)", "Content-Type": "application/json", "Accept-Language": "en",
            ], body: ByteBuffer(string: #"{"type": "03", "items": [{"description": "A", "quantity": -1, "unit_price": 1}]}"#))
            #expect((try english.json()["problems"] as? [[String: Any]])?.first?["message"] as? String == "must be greater than zero")

            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: key)
            headers.contentType = .plainText
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/invoices", headers: headers, body: ByteBuffer(string: "x")).status == .unsupportedMediaType)
            #expect(try await api(app, .POST, "/api/v1/invoices", json: facturaBody).status == .unauthorized)
            let reader = try await makeAPIKey(app, business, scopes: ["invoices.read"])
            #expect(try await apiPost(app, "/api/v1/invoices", key: reader, json: facturaBody).status == .forbidden)
            #expect(try await api(app, .GET, "/api/v1/invoices", key: reader).status == .ok)
        }
    }

    @Test func aCreditNoteCorrectsItsInvoiceAndCannotExceedIt() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let key = try await makeAPIKey(app, business)
            let invoice = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody).json()
            let invoiceID = try #require(invoice["id"] as? String)
            let partial = try await apiPost(app, "/api/v1/credit-notes", key: key, json: """
                {"invoice_id": "\(invoiceID)", "motive": "07", "description": "Devolución de un arroz",
                 "items": [{"description": "Arroz extra 5 kg", "quantity": 1, "unit_price": "23.60"}]}
                """)
            #expect(partial.status == .accepted, "\(partial.text)")
            let note = try partial.json()
            #expect(note["type"] as? String == "07" && note["full_number"] as? String == "FC01-1")
            #expect((note["reference"] as? [String: Any])?["full_number"] as? String == "F001-1")
            #expect((note["totals"] as? [String: String])?["total"] == "23.60")

            let tooMuch = try await apiPost(app, "/api/v1/credit-notes", key: key, json: """
                {"invoice_id": "\(invoiceID)", "motive": "01", "description": "Anulación"}
                """)
            #expect(try problems(tooMuch) == ["/items exceeds_invoice"], "57.20 - 23.60 = 33.60 left, the full note is 57.20")
            let rest = try await apiPost(app, "/api/v1/credit-notes", key: key, json: """
                {"invoice_id": "\(invoiceID)", "motive": "07", "description": "Resto",
                 "items": [{"description": "Arroz extra 5 kg", "quantity": 1, "unit_price": "23.60"},
                           {"description": "Reparto", "quantity": 1, "unit_price": "10.00", "unit_code": "ZZ"}]}
                """)
            #expect(try rest.status == .accepted && rest.json()["full_number"] as? String == "FC01-2")
            let unknown = try await apiPost(app, "/api/v1/credit-notes", key: key, json: """
                {"invoice_id": "6b1f0c1e-5b1a-4c1e-9d1a-0a0b0c0d0e0f", "motive": "01", "description": "x"}
                """)
            #expect(try problems(unknown) == ["/invoice_id not_found"])
        }
    }

    @Test func voidingGoesThroughItsJobAndHappensOnce() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let key = try await makeAPIKey(app, business)
            let boleta = try await apiPost(app, "/api/v1/invoices", key: key, json: """
                {"type": "03", "items": [{"description": "Pan", "quantity": 10, "unit_price": "0.50"}]}
                """).json()
            let id = try #require(boleta["id"] as? String)
            let early = try await apiPost(app, "/api/v1/invoices/\(id)/void", key: key, json: #"{"reason": "Error de precio"}"#)
            #expect(try early.status == .conflict && early.json()["code"] as? String == "invalid_state", "not accepted yet")
            try await runJobs(app)
            let requested = try await apiPost(app, "/api/v1/invoices/\(id)/void", key: key, json: #"{"reason": "Error de precio"}"#)
            #expect(try requested.status == .accepted && requested.json()["void_reason"] as? String == "Error de precio")
            let twice = try await apiPost(app, "/api/v1/invoices/\(id)/void", key: key, json: #"{"reason": "Otra vez"}"#)
            #expect(twice.status == .conflict)
            try await runJobs(app)
            #expect(try await api(app, .GET, "/api/v1/invoices/\(id)", key: key).json()["status"] as? String == "voided")
            let voided = try await StoredEvent.query(on: app.db).filter(\.$type == "invoice.voided").all()
            #expect(voided.count == 1 && voided.first?.payload.contains("\"status\":\"voided\"") == true)
            #expect(try problems(try await apiPost(app, "/api/v1/invoices/\(id)/void", key: key, json: #"{"why": "x"}"#))
                    == ["/reason required", "/why unknown_field"])
        }
    }

    @Test func customersAreCreatedSearchedAndPagedAndNeverDuplicated() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let key = try await makeAPIKey(app, business)
            let created = try await apiPost(app, "/api/v1/customers", key: key, json: """
                {"document_type": "1", "document_number": "44556677", "name": "María Ñique", "email": "maria@example.pe", "phone": "987654321"}
                """)
            #expect(created.status == .created, "\(created.text)")
            #expect(try created.json()["name"] as? String == "María Ñique")
            let duplicate = try await apiPost(app, "/api/v1/customers", key: key, json: #"{"document_type": "1", "document_number": "44556677", "name": "Otra"}"#)
            #expect(try duplicate.status == .conflict && duplicate.json()["code"] as? String == "duplicate")
            for index in 0..<5 {
                _ = try await apiPost(app, "/api/v1/customers", key: key, json: #"{"document_type": "7", "document_number": "P\#(index)X", "name": "Cliente \#(index)"}"#)
            }
            #expect((try await api(app, .GET, "/api/v1/customers?q=nique", key: key).json()["data"] as? [Any])?.count == 1, "accents folded")
            var names: [String] = []
            var cursor: String? = nil
            repeat {
                let page = try await api(app, .GET, "/api/v1/customers?limit=2" + (cursor.map { "&cursor=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" } ?? ""), key: key).json()
                names += (page["data"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                cursor = page["next_cursor"] as? String
            } while cursor != nil
            #expect(names == ["Cliente 0", "Cliente 1", "Cliente 2", "Cliente 3", "Cliente 4", "María Ñique"])
            #expect(try problems(try await apiPost(app, "/api/v1/customers", key: key, json: #"{"document_type": "6", "document_number": "123", "name": "X", "emial": "x"}"#))
                    == ["/emial unknown_field", "/document_number ruc"])
        }
    }

    @Test func theHistoryFiltersSearchesAndPagesAndKeepsToItsBusiness() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let key = try await makeAPIKey(app, business)
            _ = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody)
            for price in ["5.00", "15.00", "25.00"] {
                _ = try await apiPost(app, "/api/v1/invoices", key: key, json: #"{"type": "03", "items": [{"description": "Chifa especial", "quantity": 1, "unit_price": "\#(price)"}]}"#)
            }
            let list = { (query: String) async throws -> [String] in
                let page = try await api(app, .GET, "/api/v1/invoices?\(query)", key: key).json()
                return (page["data"] as? [[String: Any]] ?? []).compactMap { $0["full_number"] as? String }
            }
            #expect(try await list("") == ["B001-3", "B001-2", "B001-1", "F001-1"])
            #expect(try await list("type=01") == ["F001-1"])
            #expect(try await list("min_total=10.00&max_total=30.00") == ["B001-3", "B001-2"])
            #expect(try await list("q=chifa") == ["B001-3", "B001-2", "B001-1"])
            #expect(try await list("q=a%C3%B1anos") == ["F001-1"], "añanos, with its accent")
            #expect(try await list("q=F001-1") == ["F001-1"])
            #expect(try await list("status=accepted").isEmpty)
            let today = LimaDate(app.clock.now()).iso
            #expect(try await list("from=\(today)&to=\(today)").count == 4)
            let page1 = try await api(app, .GET, "/api/v1/invoices?limit=3", key: key).json()
            let cursor = try #require(page1["next_cursor"] as? String)
            #expect(try await list("limit=3&cursor=\(cursor)") == ["F001-1"])
            #expect(try problems(try await api(app, .GET, "/api/v1/invoices?from=21-11-2026&limit=0", key: key)) == ["/from format", "/limit enum"])

            let other = try await makeBusiness(app, name: "Otra Bodega", email: "otra@example.pe")
            let otherKey = try await makeAPIKey(app, other)
            #expect(try await list("").count == 4)
            let theirs = try await api(app, .GET, "/api/v1/invoices", key: otherKey).json()["data"] as? [Any]
            #expect(theirs?.isEmpty == true)
            let anID = try #require((try await api(app, .GET, "/api/v1/invoices", key: key).json()["data"] as? [[String: Any]])?.first?["id"] as? String)
            for suffix in ["", "/pdf", "/xml", "/cdr"] {
                #expect(try await api(app, .GET, "/api/v1/invoices/\(anID)\(suffix)", key: otherKey).status == .notFound)
            }
            #expect(try await apiPost(app, "/api/v1/invoices/\(anID)/void", key: otherKey, json: #"{"reason": "x"}"#).status == .notFound)
        }
    }

    /// The acceptance test of numbering: 200 issue requests at once on one series get 1...200,
    /// each once. Meaningful on PostgreSQL (run by `make test` with DATABASE_URL), where the
    /// requests really run in parallel transactions; on SQLite writers queue anyway.
    @Test func twoHundredConcurrentIssuesGetNumbersOneToTwoHundred() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let key = try await makeAPIKey(app, business)
            // No set-up first: the business's invoicing profile is made during the rush, once.
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let body = #"{"type": "03", "items": [{"description": "Menú \#(index)", "quantity": 1, "unit_price": "12.50"}]}"#
                        let response = try await apiPost(app, "/api/v1/invoices", key: key, json: body)
                        return response.status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .accepted }, "\(Set(statuses.map(\.code)))")
            let numbers = try await InvoiceRecord.query(on: app.db).filter(\.$series == "B001").all().compactMap(\.number).sorted()
            #expect(numbers == Array(1...200))
            let series = try #require(try await InvoiceSeries.query(on: app.db).filter(\.$series == "B001").filter(\.$environment == .sandbox).first())
            #expect(series.nextNumber == 201)
        }
    }
}

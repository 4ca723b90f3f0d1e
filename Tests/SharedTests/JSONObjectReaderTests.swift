import Foundation
import Testing
@testable import Shared

@Suite("JSON request bodies read with pointers")
struct JSONObjectReaderTests {
    private func reader(_ json: String) throws -> JSONObjectReader {
        JSONObjectReader(try JSONValue.parse(Data(json.utf8)))
    }

    @Test func numbersStayExactDecimals() throws {
        let body = try reader(#"{"a": 23.60, "b": "0.1", "c": 0.1}"#)
        #expect(body.decimal("a", maxDecimals: 2) == Decimal(string: "23.6"))
        #expect(body.decimal("b", maxDecimals: 2) == Decimal(string: "0.1"))
        #expect(body.decimal("c", maxDecimals: 2) == Decimal(string: "0.1"), "0.1 as a number is not 0.1000000000000000055")
        #expect(body.log.isEmpty)
    }

    @Test func malformedJSONIsAProblemOfTheWholeBody() {
        #expect(throws: InputProblems([InputProblem(pointer: "", rule: .json)])) {
            try JSONValue.parse(Data(#"{"items": [1,}"#.utf8))
        }
    }

    @Test func everyProblemIsReportedWithItsPointer() throws {
        let body = try reader(#"{"type": "09", "itmes": [], "items": [{"quantity": -2, "description": ""}, {"quantity": "1.5", "description": "x", "unit_price": "abc"}]}"#)
        _ = body.choice("type", in: ["01", "03"], required: true)
        for item in body.objects("items", required: true, minItems: 1) ?? [] {
            _ = item.string("description", required: true, maxLength: 500)
            _ = item.decimal("quantity", required: true, positive: true, maxDecimals: 10)
            _ = item.decimal("unit_price", required: true, positive: true, maxDecimals: 10)
            item.finish()
        }
        body.finish()
        let found = body.log.problems.map { "\($0.pointer) \($0.rule)" }
        #expect(found == [
            "/type enum", "/items/0/description required", "/items/0/quantity positive", "/items/0/unit_price required",
            "/items/1/unit_price format", "/itmes unknown_field",
        ])
        #expect(body.log.problems.last?.messageEn == #"unknown field (did you mean "items"?)"#)
    }

    @Test func typeMismatchesAndSizes() throws {
        let body = try reader(#"{"name": 5, "flag": "yes", "list": [{}, {}, {}], "o": [] , "a~b/c": 1}"#)
        #expect(body.string("name") == nil)
        #expect(body.bool("flag") == nil)
        #expect(body.objects("list", maxItems: 2) == nil)
        #expect(body.object("o") == nil)
        body.finish()
        #expect(body.log.problems.map(\.pointer) == ["/name", "/flag", "/list", "/o", "/a~0b~1c"])
        #expect(body.log.problems.map(\.rule) == ["type", "type", "max_length", "type", "unknown_field"])
    }

    @Test func tooManyDecimalsAndZero() throws {
        let body = try reader(#"{"price": 1.005, "qty": 0}"#)
        #expect(body.decimal("price", maxDecimals: 2) == nil)
        #expect(body.decimal("qty", positive: true, maxDecimals: 2) == nil)
        #expect(body.log.problems.map(\.rule) == ["decimals", "positive"])
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sales per second through the real server's API (`POST /api/v1/minimarket/sales`), against
/// a baseline measured in the same run with the same clients, key and server: reading one
/// product (`GET /api/v1/minimarket/products/{id}`), the cheapest authenticated call of the
/// same module (API key, tenant, membership gate, module gate, one SELECT, JSON).
///
///     SalesBench --url http://127.0.0.1:8080 --key mn_... --label sqlite [--clients 4] [--seconds 10]
///                [--products 20] [--lines 3]
///
/// It seeds its own products through the API (stock 1,000,000 each, blocking at zero), opens
/// the till if it is closed, warms up, then measures: product GETs, sales, product GETs again
/// (the baseline is the mean of the two, so drift during the run shows), and for reference boletas
/// with the same items through `POST /api/v1/invoices` (what a sale adds to its document). Every
/// answer must be 201 (sales), 202 (boletas) or 200 (GETs); anything else is printed and the exit
/// status is 1.
/// `scripts/bench.sh sales` starts the server on SQLite and on PostgreSQL and runs this twice.

struct Options {
    var url = ""
    var key = ""
    var label = "sqlite"
    var clients = 4
    var seconds = 10.0
    var products = 20
    var lines = 3

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--url": options.url = value.hasSuffix("/") ? String(value.dropLast()) : value
            case "--key": options.key = value
            case "--label": options.label = value
            case "--clients": options.clients = positive(flag, value)
            case "--seconds":
                guard let seconds = Double(value), seconds > 0 else { fail("--seconds: \(value) is not positive") }
                options.seconds = seconds
            case "--products": options.products = positive(flag, value)
            case "--lines": options.lines = positive(flag, value)
            default: fail("unknown option \(flag)")
            }
        }
        if options.url.isEmpty || options.key.isEmpty { fail("--url and --key are required") }
        return options
    }

    private static func positive(_ flag: String, _ value: String) -> Int {
        guard let count = Int(value), count > 0 else { fail("\(flag): \(value) is not a positive count") }
        return count
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("SalesBench: \(message)\n".utf8))
    exit(2)
}

/// What one kind of request did during a timed run.
struct Tally: Sendable {
    var ok = 0
    var unexpected: [UInt: Int] = [:]
    var firstUnexpected: String?
    var latencies: [Double] = []

    mutating func add(_ other: Tally) {
        ok += other.ok
        for (status, count) in other.unexpected { unexpected[status, default: 0] += count }
        firstUnexpected = firstUnexpected ?? other.firstUnexpected
        latencies += other.latencies
    }

    func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let sorted = latencies.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }
}

struct Measured {
    let tally: Tally
    let seconds: Double
    var rate: Double { Double(tally.ok) / seconds }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

final class API: Sendable {
    let client: HTTPClient
    let root: String
    let key: String

    init(_ options: Options) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: options.clients)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        root = options.url + "/api/v1"
        key = options.key
    }

    /// The status and body of one call under `/api/v1/minimarket` (or `module`).
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, module: String = "/minimarket") async throws -> (UInt, String) {
        var request = HTTPClientRequest(url: root + module + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 4 << 20)
        return (response.status.code, String(buffer: body))
    }
}

/// `clients` loops calling `operation(client, n)` until `duration` is over; the rate counts the
/// calls that answered `expected`, over the time until the last one returned.
func run(_ clients: Int, for duration: Double, expected: UInt,
         _ operation: @escaping @Sendable (Int, Int) async throws -> (UInt, String)) async throws -> Measured {
    let start = ContinuousClock.now
    let deadline = start + .milliseconds(Int64(duration * 1000))
    let tally = try await withThrowingTaskGroup(of: Tally.self) { group in
        for client in 0..<clients {
            group.addTask {
                var tally = Tally()
                var n = 0
                while ContinuousClock.now < deadline {
                    let began = ContinuousClock.now
                    let (status, body) = try await operation(client, n)
                    tally.latencies.append(seconds(ContinuousClock.now - began))
                    if status == expected {
                        tally.ok += 1
                    } else {
                        tally.unexpected[status, default: 0] += 1
                        if tally.firstUnexpected == nil { tally.firstUnexpected = "\(status) \(body.prefix(400))" }
                    }
                    n += 1
                }
                return tally
            }
        }
        var total = Tally()
        for try await part in group { total.add(part) }
        return total
    }
    return Measured(tally: tally, seconds: seconds(ContinuousClock.now - start))
}

func check(_ name: String, _ measured: Measured) -> Bool {
    guard measured.tally.unexpected.isEmpty else {
        let statuses = measured.tally.unexpected.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", ")
        print("\(name): unexpected answers \(statuses); first: \(measured.tally.firstUnexpected ?? "")")
        return false
    }
    return true
}

@main
enum SalesBench {
    static func main() async throws {
        let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
        let api = API(options)

        // Products of this run (a run tag keeps repeated runs on one database apart).
        let tag = String(UUID().uuidString.prefix(8)).lowercased()
        var products: [String] = []
        for index in 0..<options.products {
            let price = String(format: "%d.%02d", 1 + index % 9, (index * 37) % 100)
            let (status, body) = try await api.call(.POST, "/products", json: """
                {"name": "Bench \(tag) \(index)", "price": "\(price)", "stock": "1000000", "category": "Bench"}
                """)
            guard status == 201, let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
                  let id = object["id"] as? String else { fail("creating a product answered \(status): \(body)") }
            products.append(id)
        }
        let (opened, body) = try await api.call(.POST, "/register/open", json: #"{"float": "100.00"}"#)
        guard opened == 201 || opened == 409 else { fail("opening the till answered \(opened): \(body)") }

        let productList = products
        let lines = options.lines
        let sale: @Sendable (Int, Int) async throws -> (UInt, String) = { client, n in
            let chosen = (0..<lines).map { productList[(client * 7 + n * lines + $0) % productList.count] }
            let items = chosen.map { #"{"product_id": "\#($0)", "quantity": "1"}"# }.joined(separator: ", ")
            return try await api.call(.POST, "/sales", json: """
                {"client_id": "bench-\(tag)-\(client)-\(n)", "lines": [\(items)], "payments": [{"method": "cash", "amount": "100.00"}]}
                """)
        }
        // The same items as a boleta through the invoicing API: the document alone, no stock or payments.
        let boleta: @Sendable (Int, Int) async throws -> (UInt, String) = { client, n in
            let items = (0..<lines).map { #"{"description": "Bench \#(tag) \#((client * 7 + n * lines + $0) % productList.count)", "quantity": 1, "unit_price": "2.50"}"# }
            return try await api.call(.POST, "/invoices", json: #"{"type": "03", "items": [\#(items.joined(separator: ", "))]}"#, module: "")
        }
        let read: @Sendable (Int, Int) async throws -> (UInt, String) = { client, n in
            try await api.call(.GET, "/products/\(productList[(client + n) % productList.count])")
        }

        // Warm-up: connections, caches, the boleta series' first numbers.
        _ = try await run(options.clients, for: 2, expected: 200) { try await read($0, $1 + 1_000_000) }
        let warm = try await run(options.clients, for: 1, expected: 201) { client, n in try await sale(client + 1000, n) }
        guard check("warm-up sales", warm) else { try await api.client.shutdown(); exit(1) }

        let before = try await run(options.clients, for: options.seconds, expected: 200, read)
        let sales = try await run(options.clients, for: options.seconds, expected: 201, sale)
        let after = try await run(options.clients, for: options.seconds, expected: 200, read)
        let boletas = try await run(options.clients, for: options.seconds, expected: 202, boleta)
        let healthy = [check("baseline before", before), check("sales", sales), check("baseline after", after),
                       check("boletas", boletas)].allSatisfy { $0 }

        let baseline = (before.rate + after.rate) / 2
        print(String(format: "sales[%@] sales/s: %d in %.2f s = %.1f/s (p50 %.1f ms, p95 %.1f ms; %d clients, %d lines each)",
                     options.label, sales.tally.ok, sales.seconds, sales.rate, sales.tally.percentile(0.5) * 1000,
                     sales.tally.percentile(0.95) * 1000, options.clients, options.lines))
        print(String(format: "sales[%@] baseline product GETs/s: %.0f/s (before %.0f/s, after %.0f/s; p50 %.1f ms) | ratio %.4f",
                     options.label, baseline, before.rate, after.rate, before.tally.percentile(0.5) * 1000, sales.rate / baseline))
        print(String(format: "sales[%@] for reference, boletas/s through POST /invoices (same %d items, no stock or payments): %.1f/s (p50 %.1f ms) | sales/boletas %.2f",
                     options.label, options.lines, boletas.rate, boletas.tally.percentile(0.5) * 1000, sales.rate / boletas.rate))
        try await api.client.shutdown()
        if !healthy { exit(1) }
    }
}

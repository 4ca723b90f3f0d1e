import Core
import Fluent
import Foundation
import Shared
import Vapor

/// `/t/{tenant}/minimarket/products/import` and `export.csv`: a spreadsheet of products in and
/// out. An upload is first checked row by row and shown (nothing saved); the owner then
/// imports the good rows. Excel's Latin-1 and `;` files are read as Excel wrote them.
enum ProductImportPages {
    static let maxBytes = 2 * 1024 * 1024

    static func routes(_ pages: any RoutesBuilder) {
        let products = pages.grouped("products")
        products.get("import", use: form)
        products.on(.POST, "import", body: .collect(maxSize: "3mb"), use: preview)
        products.on(.POST, "import", "apply", body: .collect(maxSize: "4mb"), use: apply)
        products.get("export.csv", use: export)
    }

    struct PreviewRow: Encodable {
        let line: Int
        let name: String
        let price: String
        let barcode: String
        let errors: [String]
    }

    struct Page: Encodable {
        let fileError: String?
        let encoding: String?
        let separator: String?
        let ignored: [String]
        let rows: [PreviewRow]
        let goodCount: Int
        let badCount: Int
        /// The file, carried to the apply step so it is read again, not trusted from the form.
        let data: String?
        let result: String?
    }

    static let empty = fileProblem(nil)

    @Sendable static func form(req: Request) async throws -> View {
        try req.require(MinimarketModule.manage)
        return try await req.renderPage("minimarket/import", empty, title: req.t("market.import.title"), forms: true)
    }

    /// The dry run: every row with its problems, nothing saved.
    @Sendable static func preview(req: Request) async throws -> Response {
        try req.require(MinimarketModule.manage)
        struct Upload: Content { var file: File? }
        let upload = try req.content.decode(Upload.self)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await page(req, fileProblem(req.t("market.import.no_file")), status: .unprocessableEntity)
        }
        let bytes = Data(buffer: file.data)
        guard bytes.count <= maxBytes else {
            return try await page(req, fileProblem(req.t("market.import.too_big")), status: .payloadTooLarge)
        }
        return try await checked(bytes, req)
    }

    static func checked(_ bytes: Data, _ req: Request) async throws -> Response {
        let english = req.language == .en
        do {
            let table = try CSVTable(bytes: bytes)
            let dryRun = try ProductImport(table: table)
            let rows = dryRun.rows.map { row -> PreviewRow in
                switch row.outcome {
                case .product(let product):
                    return PreviewRow(line: row.line, name: product.name, price: product.price.formatted, barcode: product.barcode?.digits ?? "", errors: [])
                case .errors(let errors):
                    return PreviewRow(line: row.line, name: "", price: "", barcode: "", errors: errors.map { english ? $0.messageEn : $0.message })
                }
            }
            let page = Page(fileError: nil, encoding: table.encoding == .utf8 ? "UTF-8" : "Windows-1252 (Excel)",
                            separator: table.separator == .semicolon ? ";" : table.separator == .tab ? "tab" : ",",
                            ignored: dryRun.ignoredHeaders, rows: rows, goodCount: dryRun.products.count, badCount: dryRun.rowsWithErrors.count,
                            data: bytes.base64EncodedString(), result: nil)
            return try await self.page(req, page, status: .ok)
        } catch let error as CSVError {
            return try await page(req, fileProblem(english ? error.messageEn : error.message), status: .unprocessableEntity)
        } catch let error as ProductImportError {
            return try await page(req, fileProblem(english ? error.messageEn : error.message), status: .unprocessableEntity)
        }
    }

    /// A page with no preview: the upload form, with what was wrong with the file if anything.
    static func fileProblem(_ message: String?, result: String? = nil) -> Page {
        Page(fileError: message, encoding: nil, separator: nil, ignored: [], rows: [], goodCount: 0, badCount: 0, data: nil, result: result)
    }

    /// Reads the file again and saves its good rows; rows with problems are left out, as the
    /// preview said.
    @Sendable static func apply(req: Request) async throws -> Response {
        try req.require(MinimarketModule.manage)
        struct Confirm: Content { var data: String? }
        guard let text = try req.content.decode(Confirm.self).data, let bytes = Data(base64Encoded: text), bytes.count <= maxBytes,
              let table = try? CSVTable(bytes: bytes), let dryRun = try? ProductImport(table: table) else {
            return try await page(req, fileProblem(req.t("market.import.no_file")), status: .unprocessableEntity)
        }
        let result = try await ProductImporter.apply(dryRun.products, tenantID: req.tenantContext.tenantID, userID: req.currentUser?.id,
                                                     now: req.application.clock.now(), on: req.db)
        let summary = req.t("market.import.done").replacingOccurrences(of: "{created}", with: "\(result.created)")
            .replacingOccurrences(of: "{updated}", with: "\(result.updated)")
            .replacingOccurrences(of: "{skipped}", with: "\(dryRun.rowsWithErrors.count + result.refused.count)")
        let refused = result.refused.isEmpty ? nil : result.refused.joined(separator: "; ")
        return try await page(req, fileProblem(refused, result: summary), status: .ok)
    }

    static func page(_ req: Request, _ page: Page, status: HTTPStatus) async throws -> Response {
        try await req.renderPage("minimarket/import", page, title: req.t("market.import.title"), forms: true).encodeResponse(status: status, for: req)
    }

    /// Every product as the import reads it back (`;`-separated UTF-8 with BOM, as Excel in
    /// Spanish opens it).
    @Sendable static func export(req: Request) async throws -> Response {
        try req.require(MinimarketModule.manage)
        let products = try await req.tenantScope.query(MarketProduct.self).sort(\.$name).all()
        let rows = products.map { product in
            ProductRow(name: product.name, sku: product.sku, barcode: product.barcode.flatMap { try? Barcode($0) }, category: product.category,
                       unit: product.unitOfMeasure, price: product.price, affectation: product.affectation,
                       cost: product.costCents.map { Money(cents: $0) }, stock: product.stock, minStock: Quantity(milli: product.lowStockMilli),
                       allowNegative: product.allowNegative)
        }
        let response = Response(status: .ok, body: .init(data: Data(ProductRow.csv(rows, separator: .semicolon))))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "productos.csv")
        return response
    }
}

import Foundation

/// What `tests/support/pdf_probe.py` reads back from a PDF: text and fonts with
/// pdfplumber, QR codes from a 200 dpi raster with zbarimg.
public struct PDFProbe: Decodable, Sendable {
    public var pages: Int
    public var text: [String]
    public var fonts: [String]
    public var sizes: [[Double]]
    public var bbox: [[Double]?]
    public var images: [Int]
    public var qr: [String]
    public var qrByPage: [[String]]

    enum CodingKeys: String, CodingKey {
        case pages, text, fonts, sizes, bbox, images, qr
        case qrByPage = "qr_by_page"
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private static var root: URL { PythonHelper.root }

    /// Writes `pdf` to a temporary file and probes it.
    public static func read(_ pdf: Data) throws -> PDFProbe {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pdf-probe-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("document.pdf")
        try pdf.write(to: file)
        let output = try run(file: file, errors: directory.appendingPathComponent("stderr.txt"))
        return try JSONDecoder().decode(PDFProbe.self, from: output)
    }

    private static func run(file: URL, errors: URL) throws -> Data {
        guard FileManager.default.createFile(atPath: errors.path, contents: nil) else {
            throw Failure(description: "cannot create \(errors.path)")
        }
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer { try? errorHandle.close() }
        let process = Process()
        process.executableURL = root.appendingPathComponent(".venv/bin/python")
        process.arguments = [root.appendingPathComponent("tests/support/pdf_probe.py").path, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw Failure(description: "pdf_probe.py exited \(process.terminationStatus): \(message)")
        }
        return data
    }

    /// All pages' text with every run of whitespace made one space, so wrapped phrases match.
    public var flatText: String {
        Self.flatten(text.joined(separator: "\n"))
    }

    public static func flatten(_ string: String) -> String {
        string.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `true` when the words of `phrase` occur in this order, other words allowed between
    /// them: wrapped cells of a table interleave with their neighbours' text.
    public func containsInOrder(_ phrase: String) -> Bool {
        var words = phrase.split(whereSeparator: \.isWhitespace)[...]
        for word in flatText.split(separator: " ") where word == words.first {
            words.removeFirst()
            if words.isEmpty { return true }
        }
        return words.isEmpty
    }
}

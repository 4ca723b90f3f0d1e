import Foundation

/// What `tests/support/xlsx_probe.py` reads back from an .xlsx file with openpyxl, the way a
/// spreadsheet program would see it.
public struct XLSXProbe: Decodable, Sendable {
    public struct Sheet: Decodable, Sendable {
        public var name: String
        public var freezePanes: String?
        public var autoFilter: String?
        public var widths: [String: Double]
        public var headerBold: [Bool]
        public var rows: [[Cell]]

        enum CodingKeys: String, CodingKey {
            case name, widths, rows
            case freezePanes = "freeze_panes"
            case autoFilter = "auto_filter"
            case headerBold = "header_bold"
        }
    }

    public struct Cell: Decodable, Equatable, Sendable, CustomStringConvertible {
        public var value: JSON
        /// Python's type name: "int", "float", "str", "datetime", "NoneType".
        public var type: String
        /// openpyxl's kind of cell: "n" number, "s" string, "d" date, "f" formula.
        public var dataType: String
        public var format: String

        enum CodingKeys: String, CodingKey {
            case value, type, format
            case dataType = "data_type"
        }

        public var description: String { "\(value) (\(type), \(dataType), \(format))" }

        public init(value: JSON, type: String, dataType: String, format: String) {
            (self.value, self.type, self.dataType, self.format) = (value, type, dataType, format)
        }
    }

    public var sheets: [Sheet]

    /// Writes `xlsx` to a temporary file and probes it.
    public static func read(_ xlsx: Data) throws -> XLSXProbe {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("xlsx-probe-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.xlsx")
        try xlsx.write(to: file)
        let python = PythonHelper.root.appendingPathComponent(".venv/bin/python").path
        let script = PythonHelper.root.appendingPathComponent("tests/support/xlsx_probe.py").path
        let result = try Shell.run(python, [script, file.path])
        guard result.status == 0 else {
            throw Shell.Failure(description: "xlsx_probe.py exited \(result.status): \(result.output)")
        }
        return try JSONDecoder().decode(XLSXProbe.self, from: Data(result.output.utf8))
    }
}

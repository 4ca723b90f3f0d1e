import CXLSXWriter
import Foundation

/// Writes a workbook with libxlsxwriter, which only writes to a file path: into a directory of
/// its own, removed afterwards, that also holds the library's scratch files.
enum WorkbookWriter {
    static func data(of workbook: XLSXWorkbook) throws(XLSXError) -> Data {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("xlsx-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .temporaryFile("cannot create \(directory.path): \(error)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("workbook.xlsx")
        try write(workbook, to: file.path, scratch: directory.path)
        do {
            return try Data(contentsOf: file)
        } catch {
            throw .temporaryFile("cannot read \(file.path): \(error)")
        }
    }

    private static func write(_ workbook: XLSXWorkbook, to path: String, scratch: String) throws(XLSXError) {
        // Without a tmpdir the library uses tmpfile(), in /tmp whatever TMPDIR says. The option is
        // a mutable C string, kept alive until the workbook is closed.
        guard let tmpdir = strdup(scratch) else { throw library(LXW_ERROR_MEMORY_MALLOC_FAILED, place: path) }
        defer { free(tmpdir) }
        var options = lxw_workbook_options()
        options.tmpdir = tmpdir
        guard let handle = workbook_new_opt(path, &options) else {
            throw library(LXW_ERROR_MEMORY_MALLOC_FAILED, place: path)
        }
        let filled = Result { () throws(XLSXError) in try addSheets(workbook.sheets, to: handle) }
        // Closing is also what frees the workbook, so it happens after a failure too; the
        // half-written file goes with the directory.
        let closed = workbook_close(handle)
        try filled.get()
        try check(closed, place: path)
    }

    private static func addSheets(_ sheets: [XLSXSheet], to handle: UnsafeMutablePointer<lxw_workbook>) throws(XLSXError) {
        let formats = try CellFormats(handle)
        for (sheet, name) in zip(sheets, SheetNames.unique(sheets.map(\.name))) {
            guard let worksheet = workbook_add_worksheet(handle, name) else {
                // The names are sanitized, so this is unexpected; the validation says why.
                throw library(workbook_validate_sheet_name(handle, name), place: name)
            }
            try SheetWriter(worksheet: worksheet, name: name, formats: formats).write(sheet)
        }
    }

    static func check(_ status: lxw_error, place: @autoclosure () -> String) throws(XLSXError) {
        guard status != LXW_NO_ERROR else { return }
        throw library(status, place: place())
    }

    static func library(_ status: lxw_error, place: String) -> XLSXError {
        .library(message: String(cString: lxw_strerror(status)), place: place)
    }
}

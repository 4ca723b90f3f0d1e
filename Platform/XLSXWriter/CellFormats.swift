import CXLSXWriter
import Shared

/// The formats one workbook's cells share, made once per workbook because each format object
/// is a style of its own until libxlsxwriter merges them on close.
struct CellFormats {
    let header: UnsafeMutablePointer<lxw_format>
    let date: UnsafeMutablePointer<lxw_format>
    private let money: [Currency: UnsafeMutablePointer<lxw_format>]

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) throws(XLSXError) {
        header = try Self.add(to: workbook) { format_set_bold($0) }
        date = try Self.add(to: workbook) { format_set_num_format($0, "dd/mm/yyyy") }
        var money: [Currency: UnsafeMutablePointer<lxw_format>] = [:]
        for currency in Currency.allCases {
            // The symbol in quotes is literal text; Excel puts a minus sign before it: "-S/ 25.75".
            money[currency] = try Self.add(to: workbook) { format_set_num_format($0, "\"\(currency.symbol) \"#,##0.00") }
        }
        self.money = money
    }

    func money(_ currency: Currency) -> UnsafeMutablePointer<lxw_format>? {
        money[currency]
    }

    private static func add(to workbook: UnsafeMutablePointer<lxw_workbook>,
                            _ configure: (UnsafeMutablePointer<lxw_format>) -> Void) throws(XLSXError)
        -> UnsafeMutablePointer<lxw_format> {
        guard let format = workbook_add_format(workbook) else {
            throw WorkbookWriter.library(LXW_ERROR_MEMORY_MALLOC_FAILED, place: "cell formats")
        }
        configure(format)
        return format
    }
}

/// The breakdown tables: a title, column titles that repeat on every page the table reaches,
/// rows that never split, and an optional bold total row.
extension ReportLayout {
    private static let cellStyle = TextStyle.regular(8)
    private static let titleStyle = TextStyle.bold(8)
    private static let totalStyle = TextStyle.bold(8)
    private static let cellPadding = 4.0
    private static let rowPadding = 3.0
    /// A row stays far shorter than a page, so it can always move whole to the next one.
    private static let maxCellLines = 2

    func placeTable(_ table: ReportPDF.Table, in flow: inout PageFlow) {
        let count = max(table.columns.count, table.rows.map(\.count).max() ?? 0, table.totalRow?.count ?? 0)
        let widths = columnWidths(table, count: count)
        var heading = setter.clippedParagraph(table.title, .bold(11), x: left, width: contentWidth, maxLines: 2)
        heading.append(.gap(5))
        heading.append(titleRow(table, widths: widths))
        heading = heading.keptTogether
        var rows = table.rows.enumerated().map { index, cells in
            row(cells, table, widths: widths, style: Self.cellStyle, striped: index % 2 == 1)
        }
        if rows.isEmpty {
            rows = [setter.clippedParagraph(report.emptyText, .regular(8.5), x: left + Self.cellPadding,
                                            width: contentWidth, maxLines: 1).withPadding(Self.rowPadding + 2)]
        }
        if let totals = table.totalRow {
            // The total moves with the last row rather than opening a page on its own.
            var last = rows.removeLast()
            last.append(row(totals, table, widths: widths, style: Self.totalStyle, striped: false, ruled: true))
            rows.append(last.keptTogether)
        }
        // A title with a row or two under it at the foot of a page reads as a table that ended.
        flow.keepSpace(heading.height + rows.prefix(3).map(\.height).reduce(0, +))
        flow.place(heading)
        flow.runningHeader = heading
        for row in rows {
            flow.place(row)
        }
        flow.runningHeader = nil
    }

    private func columnWidths(_ table: ReportPDF.Table, count: Int) -> [Double] {
        let natural = (0..<count).map { column in
            let widest = table.rows.map { setter.width($0.cell(column), Self.cellStyle) }.max() ?? 0
            let total = setter.width(table.totalRow?.cell(column) ?? "", Self.totalStyle)
            let title = setter.width(table.columns.cell(column), Self.titleStyle)
            // The extra point keeps rounding from wrapping a cell that measured exactly its width.
            return max(widest, total, title) + 2 * Self.cellPadding + 1
        }
        return ColumnWidths.fit(natural: natural, numeric: table.numericColumns, total: contentWidth)
    }

    private func titleRow(_ table: ReportPDF.Table, widths: [Double]) -> Block {
        var block = row(table.columns, table, widths: widths, style: Self.titleStyle, striped: false)
        block.marks.insert(.box(x: left, y: 0, width: contentWidth, height: block.height, stroke: nil, fillGray: 0.88), at: 0)
        return block
    }

    /// One line of cells, each wrapped in its column to at most two lines, with a rule under it.
    private func row(_ cells: [String], _ table: ReportPDF.Table, widths: [Double], style: TextStyle,
                     striped: Bool, ruled: Bool = false) -> Block {
        var marks: [Mark] = []
        var height = style.lineHeight
        var x = left
        for (column, width) in widths.enumerated() {
            let align: TextAlignment = table.numericColumns.contains(column) ? .right : .left
            let cell = setter.clippedParagraph(cells.cell(column), style, x: x + Self.cellPadding,
                                               width: max(width - 2 * Self.cellPadding, 1),
                                               maxLines: Self.maxCellLines, align: align)
            marks += cell.marks.map { $0.moved(down: Self.rowPadding) }
            height = max(height, cell.height)
            x += width
        }
        height += 2 * Self.rowPadding
        if striped {
            marks.insert(.box(x: left, y: 0, width: contentWidth, height: height, stroke: nil, fillGray: 0.965), at: 0)
        }
        if ruled {
            marks.append(.rule(x0: left, y0: 0.3, x1: right, y1: 0.3, width: 0.6, gray: 0))
        }
        marks.append(.rule(x0: left, y0: height, x1: right, y1: height, width: 0.3, gray: 0.75))
        return Block(height: height, marks: marks)
    }
}

private extension Array where Element == String {
    /// Ragged rows are allowed: a missing cell is blank.
    func cell(_ index: Int) -> String {
        index < count ? self[index] : ""
    }
}

private extension Block {
    /// The same block with `padding` above and below.
    func withPadding(_ padding: Double) -> Block {
        Block(height: height + 2 * padding, marks: marks.map { $0.moved(down: padding) })
    }
}

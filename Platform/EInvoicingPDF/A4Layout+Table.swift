/// The items table: quantity, unit, description, unit price and amount.
extension A4Layout {
    private struct Column {
        var title: String
        var width: Double
        var align: TextAlignment
        var cell: (PrintableDocument.Line) -> String
    }

    private static let cellPadding = 4.0
    private static let rowPadding = 3.0
    private static let cellStyle = TextStyle.regular(8.5)

    private var columns: [Column] {
        let fixed = 48.0 + 46 + 80 + 80
        return [
            Column(title: Labels.quantity, width: 48, align: .right, cell: \.quantity),
            Column(title: Labels.unit, width: 46, align: .left, cell: \.unit),
            Column(title: Labels.description, width: contentWidth - fixed, align: .left, cell: \.description),
            Column(title: Labels.unitPrice, width: 80, align: .right, cell: \.unitPrice),
            Column(title: Labels.amount, width: 80, align: .right, cell: \.total),
        ]
    }

    /// Places the column titles, then the rows; titles repeat on every page the rows reach.
    func placeTable(in flow: inout PageFlow) {
        let titles = titleRow()
        flow.keepSpace(titles.height + Self.cellStyle.lineHeight + 2 * Self.rowPadding)
        flow.place(titles)
        flow.runningHeader = titles
        for line in document.lines {
            flow.place(row(line))
        }
        flow.runningHeader = nil
    }

    private func titleRow() -> Block {
        let style = TextStyle.bold(8)
        let height = style.lineHeight + 2 * Self.rowPadding + 2
        var marks = [Mark.box(x: left, y: 0, width: contentWidth, height: height, stroke: nil, fillGray: 0.88)]
        var x = left
        for column in columns {
            let cell = setter.paragraph(column.title, style, x: x + Self.cellPadding,
                                        width: column.width - 2 * Self.cellPadding, align: column.align)
            marks += cell.marks.map { $0.moved(down: Self.rowPadding + 1) }
            x += column.width
        }
        return Block(height: height, marks: marks)
    }

    /// Every cell wraps in its column; the row can be cut between lines only when it
    /// is taller than a page, as a very long description can be.
    private func row(_ line: PrintableDocument.Line) -> Block {
        var marks: [Mark] = []
        var lineCount = 1
        var x = left
        for column in columns {
            let cell = setter.paragraph(column.cell(line), Self.cellStyle, x: x + Self.cellPadding,
                                        width: column.width - 2 * Self.cellPadding, align: column.align)
            marks += cell.marks.map { $0.moved(down: Self.rowPadding) }
            lineCount = max(lineCount, cell.marks.count)
            x += column.width
        }
        let lineHeight = Self.cellStyle.lineHeight
        let height = Double(lineCount) * lineHeight + 2 * Self.rowPadding
        marks.append(.rule(x0: left, y0: height, x1: right, y1: height, width: 0.4, gray: 0.6))
        let breaks = (1..<lineCount).map { Self.rowPadding + Double($0) * lineHeight }
        return Block(height: height, marks: marks, breaks: breaks)
    }
}

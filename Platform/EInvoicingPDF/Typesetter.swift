/// Turns strings into blocks of wrapped, aligned lines.
struct Typesetter {
    let text: CairoText

    func width(_ string: String, _ style: TextStyle) -> Double {
        text.width(string, style)
    }

    func lines(_ string: String, _ style: TextStyle, width: Double) -> [String] {
        TextWrapper.wrap(string, width: width) { text.width($0, style) }
    }

    /// `string` wrapped to the column from `x` to `x + width`, breakable between lines.
    func paragraph(_ string: String, _ style: TextStyle, x: Double, width: Double,
                   align: TextAlignment = .left) -> Block {
        let wrapped = lines(string, style, width: width)
        let lineHeight = style.lineHeight
        let marks = wrapped.enumerated().map { index, line in
            Mark.text(line, x: alignedX(line, style, x: x, width: width, align: align),
                      baseline: Double(index) * lineHeight + style.ascent, style: style)
        }
        let breaks = (1..<max(wrapped.count, 1)).map { Double($0) * lineHeight }
        return Block(height: Double(wrapped.count) * lineHeight, marks: marks, breaks: breaks)
    }

    /// A bold label with its value wrapped beside it, e.g. "Cliente:  JUAN PÉREZ".
    func labeled(_ label: String, _ value: String, size: Double, x: Double, labelWidth: Double,
                 width: Double) -> Block {
        let title = paragraph(label, .bold(size), x: x, width: labelWidth)
        let content = paragraph(value, .regular(size), x: x + labelWidth, width: width - labelWidth)
        return title.beside(content)
    }

    /// Label/value rows stacked with the labels in one column as wide as the widest.
    func labeledRows(_ rows: [(String, String)], size: Double, x: Double, width: Double,
                     spacing: Double = 2) -> Block {
        let widest = rows.map { self.width($0.0, .bold(size)) }.max() ?? 0
        let labelWidth = min(widest + size * 0.6, width * 0.55)
        var block = Block()
        for (index, row) in rows.enumerated() {
            if index > 0 { block.append(.gap(spacing)) }
            block.append(labeled(row.0, row.1, size: size, x: x, labelWidth: labelWidth, width: width))
        }
        return block
    }

    private func alignedX(_ line: String, _ style: TextStyle, x: Double, width: Double,
                          align: TextAlignment) -> Double {
        switch align {
        case .left: x
        case .center: x + (width - self.width(line, style)) / 2
        case .right: x + width - self.width(line, style)
        }
    }
}

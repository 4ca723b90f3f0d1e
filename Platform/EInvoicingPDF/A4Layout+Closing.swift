/// What follows the items: notes, then totals, amount in words, QR with hash and footer.
extension A4Layout {
    private static let totalsWidth = 250.0
    private static let amountWidth = 96.0
    private static let qrSide = 100.0

    /// Totals, amount in words, QR, hash and footer never split, so the last page always
    /// shows the total next to the code that lets the customer check it.
    func closing() -> Block {
        var block = totals()
        block.append(.gap(6))
        // The words get the full width: written-out amounts run long.
        block.append(setter.paragraph(document.amountInWords, .bold(9), x: left, width: contentWidth))
        block.append(.gap(14))
        block.append(verification())
        return block.keptTogether
    }

    private func totals() -> Block {
        let labelX = right - Self.totalsWidth
        let labelWidth = Self.totalsWidth - Self.amountWidth - 8
        var block = Block()
        for (index, total) in document.totals.enumerated() {
            // The last total is the amount payable.
            let isLast = index == document.totals.count - 1
            let style = isLast ? TextStyle.bold(10) : TextStyle.regular(9)
            if isLast && index > 0 {
                block.append(Block(height: 4, marks: [.rule(x0: labelX, y0: 1.5, x1: right, y1: 1.5, width: 0.6, gray: 0)]))
            }
            let label = setter.paragraph(total.label, style, x: labelX, width: labelWidth, align: .right)
            let amount = setter.paragraph(total.amount, style, x: right - Self.amountWidth,
                                          width: Self.amountWidth - 4, align: .right)
            block.append(label.beside(amount))
            block.append(.gap(2))
        }
        return block
    }

    func placeNotes(in flow: inout PageFlow) {
        for note in document.notes {
            flow.skip(6)
            flow.place(setter.paragraph(note, .regular(8.5), x: left, width: contentWidth))
        }
    }

    /// The QR with the hash under it and the footer beside it.
    private func verification() -> Block {
        let module = Self.qrSide / Double(qr.count + 8)
        var code = Block(height: Self.qrSide, marks: [.qr(qr, x: left, y: 0, module: module)])
        let textX = left + module * 4
        let textWidth = 200.0
        code.append(setter.paragraph(Labels.hash, .bold(7), x: textX, width: textWidth))
        code.append(setter.paragraph(document.hash, .regular(7), x: textX, width: textWidth))
        let footerX = textX + textWidth + 16
        let footer = setter.paragraph(document.footer, .regular(8.5), x: footerX, width: right - footerX)
        let centred = Block(height: footer.height + 12, marks: footer.marks.map { $0.moved(down: 12) })
        return code.beside(centred)
    }
}

/// The ticket's sections, top to bottom.
extension TicketLayout {
    func issuer() -> Block {
        var block = Block()
        if let logo {
            let size = logo.fitted(maxWidth: 150, maxHeight: 56)
            let x = left + (width - size.width) / 2
            block.append(Block(height: size.height + 6,
                               marks: [.image(logo, x: x, y: 0, width: size.width, height: size.height)]))
        }
        if let tradeName = document.tradeName, !tradeName.isEmpty {
            block.append(centred(tradeName, .bold(10)))
            block.append(centred(document.issuer.name, .bold(8)))
        } else {
            block.append(centred(document.issuer.name, .bold(10)))
        }
        block.append(centred("\(document.issuer.documentLabel) \(document.issuer.documentNumber)", .regular(8)))
        if let address = document.issuer.address, !address.isEmpty {
            block.append(centred(address, .regular(7)))
        }
        return block
    }

    func heading() -> Block {
        var block = centred(document.title, .bold(9))
        block.append(centred(document.number, .bold(10)))
        return block
    }

    func itemTitles() -> Block {
        let style = TextStyle.bold(7.5)
        let description = setter.paragraph(Labels.description, style, x: left, width: width)
        let amount = setter.paragraph(Labels.amount, style, x: left, width: width, align: .right)
        var block = description.beside(amount)
        block.append(Block(height: 4, marks: [.rule(x0: left, y0: 2, x1: right, y1: 2, width: 0.3, gray: 0.5)]))
        return block.keptTogether
    }

    /// The description over the whole width, then "2 NIU × S/ 10.00" with the amount on the right.
    func item(_ line: PrintableDocument.Line) -> Block {
        let style = TextStyle.regular(7.5)
        var block = setter.paragraph(line.description, style, x: left, width: width)
        let amountWidth = min(setter.width(line.total, style), width * 0.45)
        let amount = setter.paragraph(line.total, style, x: right - amountWidth, width: amountWidth, align: .right)
        let detail = "\(line.quantity) \(line.unit) × \(line.unitPrice)"
        let quantity = setter.paragraph(detail, style, x: left + 8, width: width - amountWidth - 14)
        block.append(quantity.beside(amount))
        block.append(.gap(3))
        return block
    }

    func totals() -> Block {
        var block = Block()
        for (index, total) in document.totals.enumerated() {
            let style = index == document.totals.count - 1 ? TextStyle.bold(8.5) : TextStyle.regular(7.5)
            let amountWidth = min(setter.width(total.amount, style), width * 0.5)
            let amount = setter.paragraph(total.amount, style, x: right - amountWidth, width: amountWidth, align: .right)
            let label = setter.paragraph(total.label, style, x: left, width: width - amountWidth - 8)
            block.append(label.beside(amount))
        }
        return block.keptTogether
    }

    /// The QR centred, the hash under it, then the footer.
    func closing() -> Block {
        let side = 120.0
        let module = side / Double(qr.count + 8)
        var block = Block(height: side, marks: [.qr(qr, x: left + (width - side) / 2, y: 0, module: module)])
        block.append(centred(document.hash, .regular(6.5)))
        block.append(.gap(6))
        block.append(centred(document.footer, .regular(7)))
        return block
    }
}

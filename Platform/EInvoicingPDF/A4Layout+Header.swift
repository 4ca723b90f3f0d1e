/// The issuer, the RUC box and the customer and terms box.
extension A4Layout {
    private static let rucBoxWidth = 190.0
    private static let padding = 10.0

    func header() -> Block {
        let boxX = right - Self.rucBoxWidth
        return issuerColumn(width: boxX - left - 18).keptTogether.beside(rucBox(x: boxX))
    }

    private func issuerColumn(width: Double) -> Block {
        var column = Block()
        if let logo {
            let size = logo.fitted(maxWidth: min(width, 180), maxHeight: 64)
            column.append(Block(height: size.height + 8,
                                marks: [.image(logo, x: left, y: 0, width: size.width, height: size.height)]))
        }
        if let tradeName = document.tradeName, !tradeName.isEmpty {
            column.append(setter.paragraph(tradeName, .bold(14), x: left, width: width))
            column.append(.gap(2))
            column.append(setter.paragraph(document.issuer.name, .bold(9.5), x: left, width: width))
        } else {
            column.append(setter.paragraph(document.issuer.name, .bold(13), x: left, width: width))
        }
        if let address = document.issuer.address, !address.isEmpty {
            column.append(.gap(2))
            column.append(setter.paragraph(address, .regular(8.5), x: left, width: width))
        }
        return column
    }

    /// The box SUNAT requires: issuer's RUC, document type and number, centred.
    private func rucBox(x: Double) -> Block {
        let inner = Self.rucBoxWidth - 2 * Self.padding
        let textX = x + Self.padding
        let issuer = document.issuer
        var content = setter.paragraph("\(issuer.documentLabel) \(issuer.documentNumber)", .bold(12),
                                       x: textX, width: inner, align: .center)
        content.append(.gap(6))
        let title = setter.paragraph(document.title, .bold(11), x: textX, width: inner, align: .center)
        let band = Mark.box(x: x + 0.6, y: -3, width: Self.rucBoxWidth - 1.2, height: title.height + 6, stroke: nil, fillGray: 0.88)
        content.append(Block(height: title.height, marks: [band] + title.marks))
        content.append(.gap(6))
        content.append(setter.paragraph(document.number, .bold(12), x: textX, width: inner, align: .center))
        let height = content.height + 2 * Self.padding
        let frame = Mark.box(x: x, y: 0, width: Self.rucBoxWidth, height: height, stroke: 1.2, fillGray: nil)
        return Block(height: height, marks: [frame] + content.marks.map { $0.moved(down: Self.padding) })
    }

    /// Customer on the left, dates, currency and payment terms on the right, in one frame.
    func details() -> Block {
        let inner = contentWidth - 2 * Self.padding
        let customerWidth = (inner * 0.54).rounded()
        let customer = setter.labeledRows(document.customerRows, size: 8.5,
                                          x: left + Self.padding, width: customerWidth)
        let termsX = left + Self.padding + customerWidth + 14
        let terms = setter.labeledRows(document.termsRows, size: 8.5, x: termsX, width: right - Self.padding - termsX)
        let content = customer.beside(terms)
        let height = content.height + 2 * Self.padding - 2
        let frame = Mark.box(x: left, y: 0, width: contentWidth, height: height, stroke: 0.6, fillGray: nil)
        return Block(height: height, marks: [frame] + content.marks.map { $0.moved(down: Self.padding) })
    }
}

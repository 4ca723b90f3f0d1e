/// The 80 mm ticket: one narrow column, centred header, items as description plus a
/// "quantity × price ... amount" line, totals, QR, footer. The page is as tall as that.
struct TicketLayout {
    /// 80 mm wide; the height is only the starting size, each page gets its real one.
    static let pageSize = (width: 226.77, height: maxHeight)
    /// PDF viewers refuse pages taller than 14,400 pt (200 in); a longer ticket continues
    /// on a second page rather than failing to open.
    static let maxHeight = 14_400.0
    static let margin = 10.0

    let document: PrintableDocument
    let qr: [[Bool]]
    let logo: PNGImage?
    let setter: Typesetter

    var left: Double { Self.margin }
    var width: Double { Self.pageSize.width - 2 * Self.margin }
    var right: Double { left + width }

    func pages() -> [PageLayout] {
        var flow = PageFlow(width: Self.pageSize.width, maxHeight: Self.maxHeight,
                            topMargin: Self.margin, bottomMargin: 16, shrinksToContent: true)
        flow.place(issuer())
        flow.place(separator())
        flow.place(heading())
        flow.place(separator())
        flow.place(setter.labeledRows(document.termsRows + document.customerRows, size: 7.5, x: left, width: width))
        flow.place(separator())
        flow.place(itemTitles())
        for line in document.lines {
            flow.place(item(line))
        }
        flow.place(separator())
        flow.place(totals())
        flow.skip(6)
        flow.place(setter.paragraph(document.amountInWords, .bold(7.5), x: left, width: width))
        for note in document.notes {
            flow.skip(4)
            flow.place(setter.paragraph(note, .regular(7), x: left, width: width))
        }
        flow.place(separator())
        flow.place(closing())
        return flow.finish()
    }

    func centred(_ text: String, _ style: TextStyle) -> Block {
        setter.paragraph(text, style, x: left, width: width, align: .center)
    }

    func separator() -> Block {
        Block(height: 11, marks: [.rule(x0: left, y0: 5.5, x1: right, y1: 5.5, width: 0.5, gray: 0.3)])
    }
}

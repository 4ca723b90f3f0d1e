/// The A4 printout: header with logo and the RUC box, customer and terms, the items
/// table (repeating its column titles on every page), totals, notes, QR and footer.
struct A4Layout {
    static let pageSize = (width: 595.28, height: 841.89)
    static let margin = 36.0
    /// Leaves room for the page number line under the content.
    static let bottomMargin = 52.0

    let document: PrintableDocument
    let qr: [[Bool]]
    let logo: PNGImage?
    let setter: Typesetter

    var left: Double { Self.margin }
    var right: Double { Self.pageSize.width - Self.margin }
    var contentWidth: Double { right - left }

    func pages() -> [PageLayout] {
        var flow = PageFlow(width: Self.pageSize.width, maxHeight: Self.pageSize.height,
                            topMargin: Self.margin, bottomMargin: Self.bottomMargin, shrinksToContent: false)
        flow.place(header())
        flow.skip(10)
        flow.place(details())
        flow.skip(12)
        placeTable(in: &flow)
        placeNotes(in: &flow)
        flow.skip(10)
        flow.place(closing())
        return numbered(flow.finish())
    }

    /// "F001-123 · Página 2 de 3" under every page, so loose sheets can be put back in order.
    private func numbered(_ pages: [PageLayout]) -> [PageLayout] {
        let style = TextStyle.regular(7.5)
        return pages.enumerated().map { index, page in
            let label = "\(document.number) · \(Labels.page(index + 1, of: pages.count))"
            var page = page
            page.marks.append(.text(label, x: right - setter.width(label, style),
                                    baseline: Self.pageSize.height - 28, style: style))
            return page
        }
    }
}

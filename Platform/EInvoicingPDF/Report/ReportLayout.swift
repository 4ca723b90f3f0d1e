/// The report on A4 pages: header, figures, the two charts, then the tables, which run onto
/// as many pages as they need; a footer with the period and "Página n de N" on every page.
struct ReportLayout {
    static let pageSize = A4Layout.pageSize
    static let margin = A4Layout.margin
    /// Leaves room for the footer under the content.
    static let bottomMargin = A4Layout.bottomMargin
    static let houseRed = RGB(hex: 0xb3261e)
    /// The grey of "the period before" in the on-screen chart.
    static let previousGray = RGB(hex: 0x8a8a8a)

    let report: ReportPDF
    let logo: PNGImage?
    let setter: Typesetter

    var left: Double { Self.margin }
    var right: Double { Self.pageSize.width - Self.margin }
    var contentWidth: Double { right - left }

    func pages() -> [PageLayout] {
        var flow = PageFlow(width: Self.pageSize.width, maxHeight: Self.pageSize.height,
                            topMargin: Self.margin, bottomMargin: Self.bottomMargin, shrinksToContent: false)
        flow.place(header())
        flow.skip(14)
        if !report.figures.isEmpty {
            flow.place(figures())
            flow.skip(18)
        }
        flow.place(barChart())
        flow.skip(18)
        flow.place(lineChart())
        for table in report.tables {
            flow.skip(20)
            placeTable(table, in: &flow)
        }
        return numbered(flow.finish())
    }

    /// Logo and business on the left, title and period on the right, a red rule under both.
    private func header() -> Block {
        let titleWidth = 260.0
        let businessWidth = contentWidth - titleWidth - 16
        var business = Block()
        if let logo {
            let size = logo.fitted(maxWidth: min(businessWidth, 150), maxHeight: 56)
            business.append(Block(height: size.height + 6,
                                  marks: [.image(logo, x: left, y: 0, width: size.width, height: size.height)]))
        }
        business.append(setter.clippedParagraph(report.business, .bold(10.5), x: left, width: businessWidth, maxLines: 4))
        let titleX = right - titleWidth
        var title = setter.clippedParagraph(report.title, .bold(17), x: titleX, width: titleWidth, maxLines: 3, align: .right)
        title.append(.gap(3))
        title.append(setter.clippedParagraph(report.period, .regular(10), x: titleX, width: titleWidth, maxLines: 2, align: .right))
        var block = business.keptTogether.beside(title.keptTogether)
        block.append(.gap(8))
        block.append(Block(height: 1.5, marks: [.fill(x: left, y: 0, width: contentWidth, height: 1.5, color: Self.houseRed)]))
        return block.keptTogether
    }

    /// Up to four cards a row, each a label over its value, all of a row as tall as the tallest.
    private func figures() -> Block {
        let perRow = min(report.figures.count, 4)
        let gap = 10.0
        let cardWidth = (contentWidth - gap * Double(perRow - 1)) / Double(perRow)
        var block = Block()
        for start in stride(from: 0, to: report.figures.count, by: perRow) {
            if start > 0 { block.append(.gap(gap)) }
            let row = report.figures[start..<min(start + perRow, report.figures.count)]
            let cards = row.enumerated().map { index, figure in
                let x = left + Double(index) * (cardWidth + gap)
                return (x: x, content: card(figure, x: x, width: cardWidth))
            }
            block.append(framed(cards, width: cardWidth))
        }
        return block.keptTogether
    }

    private func card(_ figure: ReportPDF.Figure, x: Double, width: Double) -> Block {
        let textX = x + 12
        let textWidth = width - 20
        var content = setter.clippedParagraph(figure.label, .regular(8), x: textX, width: textWidth, maxLines: 2)
        content.append(.gap(3))
        content.append(setter.clippedParagraph(figure.value, .bold(13), x: textX, width: textWidth, maxLines: 2))
        return content
    }

    /// A light panel with a red edge behind each card's content.
    private func framed(_ cards: [(x: Double, content: Block)], width: Double) -> Block {
        let padding = 8.0
        let height = (cards.map(\.content.height).max() ?? 0) + 2 * padding
        var marks: [Mark] = []
        for (x, content) in cards {
            marks.append(.box(x: x, y: 0, width: width, height: height, stroke: nil, fillGray: 0.95))
            marks.append(.fill(x: x, y: 0, width: 3, height: height, color: Self.houseRed))
            marks += content.marks.map { $0.moved(down: padding) }
        }
        return Block(height: height, marks: marks)
    }

    /// Title, period and generation time on the left and the page label on the right of every
    /// page, so a loose sheet still says what it belongs to.
    private func numbered(_ pages: [PageLayout]) -> [PageLayout] {
        let style = TextStyle.regular(7.5)
        let baseline = Self.pageSize.height - 28
        let caption = [report.title, report.period, report.generatedAt]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        return pages.enumerated().map { index, page in
            let label = setter.singleLine(report.pageLabel.replacingOccurrences(of: "{n}", with: "\(index + 1)")
                .replacingOccurrences(of: "{count}", with: "\(pages.count)"), style, width: contentWidth / 2)
            let labelWidth = setter.width(label, style)
            let captionText = setter.singleLine(caption, style, width: contentWidth - labelWidth - 16)
            var page = page
            page.marks.append(.rule(x0: left, y0: baseline - 12, x1: right, y1: baseline - 12, width: 0.4, gray: 0.7))
            page.marks.append(.text(captionText, x: left, baseline: baseline, style: style))
            page.marks.append(.text(label, x: right - labelWidth, baseline: baseline, style: style))
            return page
        }
    }
}

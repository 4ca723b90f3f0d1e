/// One thing drawn on a page, in points, x from the page's left edge and y from the top
/// of the block that holds it (the page, once placed).
///
/// Layouts produce marks rather than drawing, so page sizes and page counts are known
/// before cairo draws anything: the ticket's height and "Página 1 de 3" need both.
enum Mark {
    case text(String, x: Double, baseline: Double, style: TextStyle)
    case rule(x0: Double, y0: Double, x1: Double, y1: Double, width: Double, gray: Double)
    case box(x: Double, y: Double, width: Double, height: Double, stroke: Double?, fillGray: Double?)
    case qr([[Bool]], x: Double, y: Double, module: Double)
    case image(PNGImage, x: Double, y: Double, width: Double, height: Double)

    /// The top edge, which decides the page a mark lands on when a block is split.
    var top: Double {
        switch self {
        case .text(_, _, let baseline, let style): baseline - style.ascent
        case .rule(_, let y0, _, let y1, _, _): min(y0, y1)
        case .box(_, let y, _, _, _, _): y
        case .qr(_, _, let y, _): y
        case .image(_, _, let y, _, _): y
        }
    }

    func moved(down dy: Double) -> Mark {
        switch self {
        case let .text(text, x, baseline, style):
            .text(text, x: x, baseline: baseline + dy, style: style)
        case let .rule(x0, y0, x1, y1, width, gray):
            .rule(x0: x0, y0: y0 + dy, x1: x1, y1: y1 + dy, width: width, gray: gray)
        case let .box(x, y, width, height, stroke, fill):
            .box(x: x, y: y + dy, width: width, height: height, stroke: stroke, fillGray: fill)
        case let .qr(modules, x, y, module):
            .qr(modules, x: x, y: y + dy, module: module)
        case let .image(image, x, y, width, height):
            .image(image, x: x, y: y + dy, width: width, height: height)
        }
    }
}

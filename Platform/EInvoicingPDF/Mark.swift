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
    /// A rectangle filled in a colour, e.g. a chart's bar or a legend's swatch.
    case fill(x: Double, y: Double, width: Double, height: Double, color: RGB)
    /// A line through `points` with a round dot of `dotRadius` on each (0 for none); dashed
    /// lines tell series apart on a black-and-white printer.
    case polyline([(x: Double, y: Double)], width: Double, color: RGB, dashed: Bool, dotRadius: Double)

    /// The top edge, which decides the page a mark lands on when a block is split.
    var top: Double {
        switch self {
        case .text(_, _, let baseline, let style): baseline - style.ascent
        case .rule(_, let y0, _, let y1, _, _): min(y0, y1)
        case .box(_, let y, _, _, _, _): y
        case .qr(_, _, let y, _): y
        case .image(_, _, let y, _, _): y
        case .fill(_, let y, _, _, _): y
        case .polyline(let points, let width, _, _, let dotRadius):
            (points.map(\.y).min() ?? 0) - max(width / 2, dotRadius)
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
        case let .fill(x, y, width, height, color):
            .fill(x: x, y: y + dy, width: width, height: height, color: color)
        case let .polyline(points, width, color, dashed, dotRadius):
            .polyline(points.map { (x: $0.x, y: $0.y + dy) }, width: width, color: color, dashed: dashed, dotRadius: dotRadius)
        }
    }
}

/// A colour for fills and lines, each component from 0 to 1. Text stays black.
struct RGB: Equatable {
    var red: Double
    var green: Double
    var blue: Double

    /// `RGB(hex: 0xb3261e)`: colours are written this way in the style sheets they match.
    init(hex: UInt32) {
        red = Double((hex >> 16) & 0xff) / 255
        green = Double((hex >> 8) & 0xff) / 255
        blue = Double(hex & 0xff) / 255
    }
}

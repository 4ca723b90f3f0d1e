import CCairo

/// Draws marks on a cairo context.
struct Painter {
    let context: OpaquePointer
    let text: CairoText

    func draw(_ marks: [Mark]) {
        for mark in marks {
            switch mark {
            case let .text(string, x, baseline, style):
                text.show(string, x: x, baseline: baseline, style)
            case let .rule(x0, y0, x1, y1, width, gray):
                cairo_set_source_rgb(context, gray, gray, gray)
                cairo_set_line_width(context, width)
                cairo_move_to(context, x0, y0)
                cairo_line_to(context, x1, y1)
                cairo_stroke(context)
            case let .box(x, y, width, height, stroke, fill):
                drawBox(x: x, y: y, width: width, height: height, stroke: stroke, fillGray: fill)
            case let .qr(modules, x, y, module):
                drawQR(modules, x: x, y: y, module: module)
            case let .image(image, x, y, width, height):
                drawImage(image, x: x, y: y, width: width, height: height)
            case let .fill(x, y, width, height, color):
                cairo_set_source_rgb(context, color.red, color.green, color.blue)
                cairo_rectangle(context, x, y, width, height)
                cairo_fill(context)
            case let .polyline(points, width, color, dashed, dotRadius):
                drawPolyline(points, width: width, color: color, dashed: dashed, dotRadius: dotRadius)
            }
        }
    }

    private func drawBox(x: Double, y: Double, width: Double, height: Double, stroke: Double?, fillGray: Double?) {
        if let gray = fillGray {
            cairo_set_source_rgb(context, gray, gray, gray)
            cairo_rectangle(context, x, y, width, height)
            cairo_fill(context)
        }
        if let lineWidth = stroke {
            cairo_set_source_rgb(context, 0, 0, 0)
            cairo_set_line_width(context, lineWidth)
            cairo_rectangle(context, x, y, width, height)
            cairo_stroke(context)
        }
    }

    /// (`x`, `y`) is the corner of the quiet zone, four modules wide on every side.
    /// Each row's dark runs become one rectangle filled in a single path, so viewers
    /// show no hairline seams between neighbouring modules.
    private func drawQR(_ modules: [[Bool]], x: Double, y: Double, module: Double) {
        let side = Double(modules.count + 8) * module
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_rectangle(context, x, y, side, side)
        cairo_fill(context)
        for (row, cells) in modules.enumerated() {
            var column = 0
            while column < cells.count {
                guard cells[column] else { column += 1; continue }
                let start = column
                while column < cells.count && cells[column] { column += 1 }
                cairo_rectangle(context, x + Double(start + 4) * module, y + Double(row + 4) * module,
                                Double(column - start) * module, module)
            }
        }
        cairo_set_source_rgb(context, 0, 0, 0)
        cairo_fill(context)
    }

    private func drawImage(_ image: PNGImage, x: Double, y: Double, width: Double, height: Double) {
        cairo_save(context)
        cairo_translate(context, x, y)
        cairo_scale(context, width / image.width, height / image.height)
        cairo_set_source_surface(context, image.surface, 0, 0)
        cairo_paint(context)
        cairo_restore(context)
    }

    /// A single point still shows: round caps draw a zero-length segment as a dot.
    private func drawPolyline(_ points: [(x: Double, y: Double)], width: Double, color: RGB,
                              dashed: Bool, dotRadius: Double) {
        guard let first = points.first else { return }
        cairo_save(context)
        cairo_set_source_rgb(context, color.red, color.green, color.blue)
        cairo_set_line_width(context, width)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
        if dashed {
            let pattern = [width * 3, width * 2.5]
            cairo_set_dash(context, pattern, Int32(pattern.count), 0)
        }
        cairo_move_to(context, first.x, first.y)
        for point in points.count == 1 ? points : Array(points.dropFirst()) {
            cairo_line_to(context, point.x, point.y)
        }
        cairo_stroke(context)
        if dotRadius > 0 {
            for point in points {
                cairo_new_sub_path(context)
                cairo_arc(context, point.x, point.y, dotRadius, 0, 2 * Double.pi)
            }
            cairo_fill(context)
        }
        cairo_restore(context)
    }
}

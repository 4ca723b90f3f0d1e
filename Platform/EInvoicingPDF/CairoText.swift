import CCairo

/// Text through cairo's font API on one context, for measuring and for drawing alike,
/// so wrapped lines are cut with the same metrics they are drawn with.
///
/// cairo_show_text embeds a subset of the font with a Unicode map, which keeps the
/// PDF's text selectable and searchable with its accents.
final class CairoText {
    private let context: OpaquePointer
    private var current: TextStyle?

    /// `context` must outlive this object; the caller owns it.
    init(context: OpaquePointer) {
        self.context = context
    }

    /// The advance width of `text` in points.
    func width(_ text: String, _ style: TextStyle) -> Double {
        use(style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// Draws `text` in black with its baseline starting at (`x`, `baseline`).
    func show(_ text: String, x: Double, baseline: Double, _ style: TextStyle) {
        use(style)
        cairo_set_source_rgb(context, 0, 0, 0)
        cairo_move_to(context, x, baseline)
        cairo_show_text(context, text)
    }

    private func use(_ style: TextStyle) {
        guard style != current else { return }
        let weight = style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL
        cairo_select_font_face(context, TextStyle.family, CAIRO_FONT_SLANT_NORMAL, weight)
        cairo_set_font_size(context, style.size)
        current = style
    }
}

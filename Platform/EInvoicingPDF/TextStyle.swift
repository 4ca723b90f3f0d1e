/// A font size and weight of DejaVu Sans, the one family the printout uses.
///
/// One family keeps the embedded subset small; DejaVu is chosen because Debian ships it
/// with every accented Spanish letter, and fonts-dejavu-core is a build dependency.
struct TextStyle: Equatable {
    static let family = "DejaVu Sans"

    var size: Double
    var bold = false

    static func regular(_ size: Double) -> TextStyle { TextStyle(size: size) }
    static func bold(_ size: Double) -> TextStyle { TextStyle(size: size, bold: true) }

    /// Distance between baselines of consecutive wrapped lines.
    var lineHeight: Double { (size * 1.22).rounded(.up) }
    /// Baseline below the top of a line; DejaVu's ascent is 0.93 em.
    var ascent: Double { size * 0.93 }
}

/// How a line of text sits in its column.
enum TextAlignment {
    case left, center, right
}

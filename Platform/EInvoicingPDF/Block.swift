/// A run of marks with a height, placed on pages as a unit by `PageFlow`.
///
/// Mark y values are relative to the block's top. `breaks` lists the offsets where the
/// block may be cut across pages (between lines of text); a block without breaks is kept
/// together unless it is taller than a whole page.
struct Block {
    var height: Double = 0
    var marks: [Mark] = []
    var breaks: [Double] = []

    /// Empty vertical space, e.g. between sections.
    static func gap(_ height: Double) -> Block { Block(height: height) }

    /// Puts `other` below this block; its breaks stay usable.
    mutating func append(_ other: Block) {
        let offset = height
        if !marks.isEmpty || offset > 0 { breaks.append(offset) }
        marks += other.marks.map { $0.moved(down: offset) }
        breaks += other.breaks.map { $0 + offset }
        height += other.height
    }

    /// This block and `other` side by side, tops aligned, kept together.
    func beside(_ other: Block) -> Block {
        Block(height: max(height, other.height), marks: marks + other.marks)
    }

    /// The same block with no place to cut it.
    var keptTogether: Block { Block(height: height, marks: marks) }

    /// The block cut at `offset`: marks starting above it stay in the head.
    func split(at offset: Double) -> (head: Block, tail: Block) {
        let head = Block(height: offset, marks: marks.filter { $0.top < offset },
                         breaks: breaks.filter { $0 > 0 && $0 < offset })
        let tail = Block(height: max(0, height - offset),
                         marks: marks.filter { $0.top >= offset }.map { $0.moved(down: -offset) },
                         breaks: breaks.filter { $0 > offset }.map { $0 - offset })
        return (head, tail)
    }
}

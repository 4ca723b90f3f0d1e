/// A laid-out page: its size in points and what is drawn on it.
struct PageLayout {
    var width: Double
    var height: Double
    var marks: [Mark]
}

/// Stacks blocks down the page and starts a new page when the next one does not fit.
///
/// A4 pages all keep their full height. Ticket pages end where their content ends,
/// so a receipt is as long as it needs to be; `maxHeight` then only caps a page at a
/// size PDF viewers still open.
struct PageFlow {
    let width: Double
    let maxHeight: Double
    let topMargin: Double
    let bottomMargin: Double
    let shrinksToContent: Bool
    /// Drawn at the top of every page started while set, e.g. a table's column titles.
    var runningHeader: Block?

    private var finished: [PageLayout] = []
    private var marks: [Mark] = []
    private var y: Double
    /// Nothing but the running header is on the current page yet.
    private var fresh = true

    init(width: Double, maxHeight: Double, topMargin: Double, bottomMargin: Double, shrinksToContent: Bool) {
        self.width = width
        self.maxHeight = maxHeight
        self.topMargin = topMargin
        self.bottomMargin = bottomMargin
        self.shrinksToContent = shrinksToContent
        self.y = topMargin
    }

    private var available: Double { maxHeight - bottomMargin - y }

    /// Places `block`, moving it to a new page if it does not fit here, and cutting it
    /// at its breaks only when it is taller than a whole page.
    mutating func place(_ block: Block) {
        var rest = block
        while rest.height > available {
            if !fresh {
                startPage()
                continue
            }
            // Cutting at a non-break is the last resort; at least 1 pt guarantees progress.
            let cut = rest.breaks.last { $0 > 0 && $0 <= available } ?? max(available, 1)
            let (head, tail) = rest.split(at: cut)
            put(head)
            startPage()
            rest = tail
        }
        put(rest)
    }

    /// Vertical space that is dropped at the end of a page rather than carried over.
    mutating func skip(_ height: Double) {
        y = min(y + height, maxHeight - bottomMargin)
    }

    /// Starts a new page unless `height` points are still free on this one, so a title
    /// does not end up alone at the bottom of a page.
    mutating func keepSpace(_ height: Double) {
        if height > available && !fresh { startPage() }
    }

    /// Every page, the current one included.
    mutating func finish() -> [PageLayout] {
        closePage()
        return finished
    }

    private mutating func put(_ block: Block) {
        marks += block.marks.map { $0.moved(down: y) }
        y += block.height
        if !block.marks.isEmpty { fresh = false }
    }

    private mutating func startPage() {
        closePage()
        if let header = runningHeader {
            put(header)
            fresh = true
        }
    }

    private mutating func closePage() {
        let height = shrinksToContent ? min(y + bottomMargin, maxHeight) : maxHeight
        finished.append(PageLayout(width: width, height: height, marks: marks))
        marks = []
        y = topMargin
        fresh = true
    }
}

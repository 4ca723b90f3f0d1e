/// Splits a table's width among its columns from how wide their contents are.
///
/// Amount columns get their widest cell, so figures never wrap; the text columns share the
/// rest so that narrow ones get what they need and the wide ones split what is left equally
/// (max-min fairness), which keeps a long product name from squeezing a short code.
enum ColumnWidths {
    /// Below this a text column could not show a word.
    static let minimumText = 48.0

    /// `natural` is each column's widest content, padding included.
    static func fit(natural: [Double], numeric: Set<Int>, total: Double) -> [Double] {
        guard !natural.isEmpty else { return [] }
        let textColumns = natural.indices.filter { !numeric.contains($0) }
        var widths = natural
        let numericTotal = natural.indices.filter { numeric.contains($0) }.map { natural[$0] }.reduce(0, +)
        let numericRoom = total - minimumText * Double(textColumns.count)
        if numericTotal > numericRoom, numericTotal > 0 {
            let scale = max(numericRoom, 0) / numericTotal
            for index in natural.indices where numeric.contains(index) { widths[index] *= scale }
        }
        let rest = total - natural.indices.filter { numeric.contains($0) }.map { widths[$0] }.reduce(0, +)
        guard !textColumns.isEmpty else {
            return spread(widths, over: total)
        }
        for (index, width) in zip(textColumns, share(rest, among: textColumns.map { natural[$0] })) {
            widths[index] = width
        }
        return widths
    }

    /// `room` split so that no column gets more than it needs while another gets less than an
    /// equal share; what nobody needs goes to every column equally.
    private static func share(_ room: Double, among needs: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: needs.count)
        var open = needs.indices.sorted { needs[$0] < needs[$1] }
        var left = room
        while let smallest = open.first, needs[smallest] <= left / Double(open.count) {
            result[smallest] = needs[smallest]
            left -= needs[smallest]
            open.removeFirst()
        }
        if open.isEmpty {
            return result.map { $0 + left / Double(needs.count) }
        }
        for index in open { result[index] = left / Double(open.count) }
        return result
    }

    /// Only amount columns: widened in proportion to fill the table.
    private static func spread(_ widths: [Double], over total: Double) -> [Double] {
        let sum = widths.reduce(0, +)
        guard sum > 0 else { return widths.map { _ in total / Double(widths.count) } }
        return widths.map { $0 * total / sum }
    }
}

/// The value axis of a chart: round amounts from at or below the lowest value to at or above
/// the highest, with zero always among them so bars start from a drawn line.
struct ChartScale {
    /// Céntimos, ascending, at least two; steps of 1, 2 or 5 times a power of ten, which are
    /// whole soles (S/ 500.00, S/ 1,000.00) for any chart above a few soles.
    let ticks: [Int64]

    var low: Int64 { ticks[0] }
    var high: Int64 { ticks[ticks.count - 1] }

    /// Values beyond this are drawn at it, so the arithmetic below cannot overflow; it is
    /// ten trillion soles, far past any business's sales.
    private static let limit: Int64 = 1_000_000_000_000_000

    init(covering values: [Int64], intervals: Int64 = 4) {
        let clamped = values.map { Self.clamp($0) }
        let low = min(0, clamped.min() ?? 0)
        let high = max(0, clamped.max() ?? 0)
        // A chart of zeros still gets an axis: S/ 0.00 to S/ 1.00.
        let span = max(high - low, 100)
        let step = Self.niceStep(atLeast: (span + intervals - 1) / intervals)
        let first = Self.floor(low, to: step)
        let last = max(Self.ceil(high, to: step), first + step)
        ticks = Array(stride(from: first, through: last, by: Int(step)))
    }

    static func clamp(_ value: Int64) -> Int64 {
        min(max(value, -limit), limit)
    }

    /// Where `value` sits between the lowest tick (0) and the highest (1).
    func fraction(_ value: Int64) -> Double {
        Double(Self.clamp(value) - low) / Double(high - low)
    }

    private static func niceStep(atLeast minimum: Int64) -> Int64 {
        var magnitude: Int64 = 1
        while true {
            for factor: Int64 in [1, 2, 5] where magnitude * factor >= minimum {
                return magnitude * factor
            }
            magnitude *= 10
        }
    }

    private static func floor(_ value: Int64, to step: Int64) -> Int64 {
        let quotient = value / step
        return (value % step != 0 && value < 0 ? quotient - 1 : quotient) * step
    }

    private static func ceil(_ value: Int64, to step: Int64) -> Int64 {
        let quotient = value / step
        return (value % step != 0 && value > 0 ? quotient + 1 : quotient) * step
    }
}

/// How many operations ran in how long.
struct Measured {
    let count: Int
    let seconds: Double

    var perSecond: Double { Double(count) / seconds }
}

/// Runs `body(i)` for every i in 0..<count, split round-robin over `tasks` concurrent tasks,
/// after `warmUp` untimed calls on the current task (schema compilation, font loading and
/// first-touch allocations happen there). Times with `ContinuousClock`.
func measure(_ count: Int, tasks: Int = 1, warmUp: Int = 5,
             _ body: @escaping @Sendable (Int) throws -> Void) async throws -> Measured {
    for i in 0..<min(warmUp, count) { try body(i) }
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for lane in 0..<tasks {
            group.addTask {
                for i in stride(from: lane, to: count, by: tasks) { try body(i) }
            }
        }
        try await group.waitForAll()
    }
    let elapsed = ContinuousClock.now - start
    return Measured(count: count, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

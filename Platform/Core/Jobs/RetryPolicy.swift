import Foundation

/// How long to wait before the next attempt, and how many attempts a job gets in all.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public let maxAttempts: Int
    /// Waits after failed attempt 1, 2, ...; the last entry repeats if there are fewer waits
    /// than retries.
    public let delays: [TimeInterval]
    /// Each wait is stretched or shrunk by up to this fraction, so that jobs that failed
    /// together (a receiver that was down) do not all come back in the same second.
    public let jitter: Double

    public init(maxAttempts: Int, delays: [TimeInterval], jitter: Double = 0.1) {
        precondition(maxAttempts >= 1 && !delays.isEmpty && (0...1).contains(jitter))
        self.maxAttempts = maxAttempts
        self.delays = delays
        self.jitter = jitter
    }

    /// Doubling waits from `base`, capped at `cap`.
    public static func exponential(
        base: TimeInterval = 10, cap: TimeInterval = 3600, maxAttempts: Int = 8, jitter: Double = 0.2
    ) -> RetryPolicy {
        let waits = (0..<max(1, maxAttempts - 1)).map { min(cap, base * pow(2, Double($0))) }
        return RetryPolicy(maxAttempts: maxAttempts, delays: waits, jitter: jitter)
    }

    /// A fixed list of waits, one per retry: `waits.count + 1` attempts.
    public static func schedule(_ waits: [TimeInterval], jitter: Double = 0.1) -> RetryPolicy {
        RetryPolicy(maxAttempts: waits.count + 1, delays: waits, jitter: jitter)
    }

    public static let standard = RetryPolicy.exponential()

    /// The wait after failed attempt `attempt` (1-based); `unit` is a random number in 0..<1.
    public func delay(afterAttempt attempt: Int, unit: Double = Double.random(in: 0..<1)) -> TimeInterval {
        let base = delays[min(max(attempt, 1), delays.count) - 1]
        return base * (1 - jitter + 2 * jitter * unit)
    }
}

import Foundation

/// Timing for the `bench-*` commands: the seconds one piece of work takes, printed alike.
public enum BenchTiming {
    public static func seconds(_ work: () async throws -> Void) async throws -> Double {
        let start = Date()
        try await work()
        return Date().timeIntervalSince(start)
    }

    public static func format(_ value: Double, decimals: Int = 2) -> String {
        String(format: "%.\(decimals)f", value)
    }
}

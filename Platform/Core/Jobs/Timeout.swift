import Foundation

public struct TimeoutError: Error, CustomStringConvertible {
    public let seconds: TimeInterval
    public var description: String { "timed out after \(seconds) s" }
}

/// Runs `body`, cancelling it and throwing `TimeoutError` if it takes longer than `seconds`.
public func withTimeout<T: Sendable>(
    _ seconds: TimeInterval, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw TimeoutError(seconds: seconds) }
        return value
    }
}

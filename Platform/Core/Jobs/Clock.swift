import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Where the job queue, scheduler and webhooks read the time. Tests swap in a `TestClock` to
/// walk through retry schedules that span hours without waiting for them.
public protocol PlatformClock: Sendable {
    func now() -> Date
}

public struct SystemClock: PlatformClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to.
public final class TestClock: PlatformClock {
    private let current: NIOLockedValueBox<Date>

    public init(_ start: Date = Date()) {
        current = NIOLockedValueBox(start)
    }

    public func now() -> Date { current.withLockedValue { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }

    public func set(_ date: Date) {
        current.withLockedValue { $0 = date }
    }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = any PlatformClock }

    public var clock: any PlatformClock {
        get { storage[ClockKey.self] ?? SystemClock() }
        set { storage[ClockKey.self] = newValue }
    }
}

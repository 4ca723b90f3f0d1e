import Vapor

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }
    private struct ModulesKey: StorageKey { typealias Value = ModuleRegistry }

    public var config: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else { fatalError("configure(_:) has not run") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }

    /// The modules compiled into this server.
    public var modules: ModuleRegistry {
        get {
            guard let registry = storage[ModulesKey.self] else { fatalError("configure(_:) has not run") }
            return registry
        }
        set { storage[ModulesKey.self] = newValue }
    }
}

extension Application {
    private struct DummyHashKey: StorageKey { typealias Value = String }

    /// A bcrypt hash of nothing anyone knows, checked when a login names an unknown email so
    /// that the answer takes as long as for a real account.
    var dummyPasswordHash: String {
        get { storage[DummyHashKey.self] ?? "" }
        set { storage[DummyHashKey.self] = newValue }
    }
}

extension Application {
    private struct PlatformEventTypesKey: StorageKey { typealias Value = [EventType] }

    /// Event types emitted by platform services (payments, invoicing), declared when they
    /// register; modules declare theirs in `NicheModule.eventTypes`.
    private struct PlatformNavigationKey: StorageKey { typealias Value = [NavigationItem] }

    public var platformEventTypes: [EventType] {
        get { storage[PlatformEventTypesKey.self] ?? [] }
        set { storage[PlatformEventTypesKey.self] = newValue }
    }

    /// Menu entries of platform services (invoicing, payments), shown to tenants' members who
    /// hold the entry's permission; `path` is relative to `/t/{tenant}`.
    public var platformNavigation: [NavigationItem] {
        get { storage[PlatformNavigationKey.self] ?? [] }
        set { storage[PlatformNavigationKey.self] = newValue }
    }

    /// Every event type a webhook endpoint can subscribe to.
    public var eventTypes: [EventType] { platformEventTypes + modules.eventTypes }
}

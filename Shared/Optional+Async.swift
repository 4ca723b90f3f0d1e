extension Optional {
    /// `flatMap` for an async transform (a lookup in the database for an optional id).
    public func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

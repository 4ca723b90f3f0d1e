/// Why a zip could not be built or a CDR zip could not be read.
public struct PackageError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

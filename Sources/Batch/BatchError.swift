/// A conversion that cannot start, continue or finish, with what to do about it.
public struct BatchError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong (naming the file at fault where there is one).
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// A plot could not be drawn or written.
public struct PlotError: Error, CustomStringConvertible, Equatable {
    /// The record or file concerned.
    public var subject: String
    public var message: String

    public init(subject: String, message: String) {
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(subject): \(message)" }
}

/// Why a synthetic ECG configuration cannot be generated.
public struct SynthesisError: Error, CustomStringConvertible, Equatable {
    /// The record name of the configuration at fault.
    public var record: String
    public var message: String

    public init(record: String, _ message: String) {
        self.record = record
        self.message = message
    }

    public var description: String { "synthetic record '\(record)': \(message)" }
}

/// A dataset index or CSV file that cannot be read as it should be.
///
/// The message names the file and, where the problem sits on one line, that line (1-based).
public struct DatasetError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file (or folder) at fault.
    public var file: String
    /// The 1-based line the problem is on, if it is on one.
    public var line: Int?
    /// What is wrong.
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

import Foundation

/// Prints a diagnostic line to standard error, keeping standard output for results.
func standardError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

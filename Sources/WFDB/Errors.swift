import Foundation

/// Why a WFDB header, signal file or annotation file could not be read or written.
///
/// Every error names the file it concerns, and the line for header problems, so that a failure
/// in a batch of 800,000 records can be traced to one file without rerunning anything.
public struct WFDBError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The family of failure, for callers that react differently to each.
    public enum Kind: Sendable, Equatable {
        /// A header line does not follow header(5).
        case malformedHeader
        /// A file the record needs does not exist or cannot be opened.
        case missingFile
        /// A signal file holds fewer samples than the header declares.
        case truncatedSignalFile
        /// A signal format this reader does not know (or an invalid combination).
        case unsupportedFormat
        /// A file name that would leave the record's directory.
        case unsafePath
        /// The record exceeds the caller's ``ReadLimits``.
        case limitExceeded
        /// An annotation file that does not follow annot(5).
        case malformedAnnotations
        /// libFLAC reported an error for a FLAC signal file.
        case flac
        /// A multi-segment record whose segments do not fit its layout.
        case inconsistentSegments
        /// Writing failed.
        case writeFailed
    }

    public var kind: Kind
    /// The file concerned (path as given).
    public var file: String
    /// The 1-based header line, where the problem is on a line.
    public var line: Int?
    /// What is wrong, in words.
    public var message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

import ECGModel
import Foundation

/// A MIMIC-IV-ECG tree: `files/p<NNNN>/p<subject>/s<study>/<study>.hea` + `.dat`, indexed by
/// `record_list.csv` (`subject_id, study_id, file_name, ecg_time, path`).
///
/// With a `record_list.csv` at the root, the entries are its rows in file order, with subject,
/// study and acquisition time. Without one, the tree is walked for `*.hea` files (sorted by
/// path, symbolic links to folders not followed) and subject and study come from the
/// `p<subject>/s<study>` folder names; the time is then unknown (`ecgTime == nil`) until the
/// headers are read.
///
/// Paths never leave the root: a `record_list.csv` path that is absolute or climbs out with
/// `..` is an error, and with `verifyFiles` every header must exist and, symbolic links
/// resolved, lie inside the root.
public struct MIMICDataset: ECGDataset {
    /// Where the entries came from.
    public enum Index: Sendable, Equatable {
        /// The rows of this `record_list.csv`.
        case recordList(URL)
        /// A walk of the tree for `*.hea` files.
        case treeWalk
    }

    /// The dataset's root folder (the one holding `record_list.csv` and `files/`).
    public let root: URL
    /// How the entries were found.
    public let index: Index
    public let entries: [DatasetEntry]

    /// The columns `record_list.csv` must have.
    public static let recordListColumns = ["subject_id", "study_id", "file_name", "ecg_time", "path"]

    /// Opens the dataset at `root`.
    ///
    /// - Parameters:
    ///   - verifyFiles: check that every header exists inside the root (one `stat` and symlink
    ///     resolution per record); turn off for a partial download.
    ///   - useRecordList: read `record_list.csv` when there is one; `false` always walks the tree.
    public init(root: URL, limits: ReadLimits = .default, verifyFiles: Bool = true,
                useRecordList: Bool = true) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DatasetError(file: root.path, message: "not a folder")
        }
        self.root = root
        let recordList = root.appendingPathComponent("record_list.csv")
        if useRecordList, FileManager.default.fileExists(atPath: recordList.path) {
            index = .recordList(recordList)
            entries = try Self.readRecordList(recordList, root: root, limits: limits, verifyFiles: verifyFiles)
        } else {
            index = .treeWalk
            entries = try Self.walk(root)
        }
    }

    static func readRecordList(_ url: URL, root: URL, limits: ReadLimits, verifyFiles: Bool) throws -> [DatasetEntry] {
        let table = try CSVTable(contentsOf: url, limits: limits)
        try table.requireColumns(recordListColumns)
        let resolvedRoot = DatasetPaths.resolvedRoot(root)
        return try table.rows.map { row in
            func fail(_ message: String) -> DatasetError {
                DatasetError(file: url.path, line: row.line, message: message)
            }
            let subject = try table.integer("subject_id", in: row)
            let study = try table.integer("study_id", in: row)
            let fileName = try table.value("file_name", in: row)
            let timeText = try table.value("ecg_time", in: row)
            guard let time = MIMICTime.parse(timeText) else {
                throw fail("ecg_time '\(timeText)' is not a valid YYYY-MM-DD HH:MM:SS time")
            }
            let path = try table.value("path", in: row)
            if let problem = DatasetPaths.problem(withRelativePath: path) { throw fail(problem) }
            guard path.split(separator: "/").last.map(String.init) == fileName else {
                throw fail("path '\(path)' does not end in file_name '\(fileName)'")
            }
            let header = root.appendingPathComponent(path + ".hea")
            if verifyFiles {
                guard FileManager.default.fileExists(atPath: header.path) else {
                    throw fail("header \(header.path) does not exist")
                }
                guard DatasetPaths.isInside(header, root: resolvedRoot) else {
                    throw fail("header \(header.path) leads outside the dataset folder through a symbolic link")
                }
            }
            return DatasetEntry(location: .wfdb(header: header), recordID: fileName,
                                subjectID: subject, studyID: study, ecgTime: time, root: root)
        }
    }

    static func walk(_ root: URL) throws -> [DatasetEntry] {
        let resolvedRoot = DatasetPaths.resolvedRoot(root)
        var headers: [[String]] = []
        try collectHeaders(in: root, components: [], resolvedRoot: resolvedRoot, into: &headers)
        headers.sort { $0.joined(separator: "/") < $1.joined(separator: "/") }
        // Headers outside MIMIC's p<subject>/s<study> folders (any folder of WFDB records) are
        // taken too, with subject and study unknown.
        return headers.map { components in
            let url = components.reduce(root) { $0.appendingPathComponent($1) }
            let ids = DatasetPaths.mimicIDs(fromComponents: components)
            let name = String(components[components.count - 1].dropLast(4))
            return DatasetEntry(location: .wfdb(header: url), recordID: name,
                                subjectID: ids?.subject, studyID: ids?.study, root: root)
        }
    }

    private static func collectHeaders(in folder: URL, components: [String], resolvedRoot: URL,
                                       into headers: inout [[String]]) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw DatasetError(file: folder.path, message: "cannot list the folder (\(error.localizedDescription))")
        }
        for name in names.sorted() {
            let url = folder.appendingPathComponent(name)
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let type = attributes?[.type] as? FileAttributeType
            if type == .typeDirectory {
                try collectHeaders(in: url, components: components + [name], resolvedRoot: resolvedRoot, into: &headers)
            } else if name.hasSuffix(".hea"), name.count > 4 {
                // A symbolic link is listed only if it resolves to a file inside the root;
                // links to folders are never descended (they could loop or leave the root).
                if type == .typeSymbolicLink {
                    var isDirectory: ObjCBool = false
                    guard DatasetPaths.isInside(url, root: resolvedRoot),
                          FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
                          !isDirectory.boolValue else { continue }
                } else if type != .typeRegular {
                    continue
                }
                headers.append(components + [name])
            }
        }
    }
}

import ECGModel
import Foundation

/// A plain list of WFDB records: a text file with one record path per line.
///
/// Paths are relative to the list's folder (like PhysioNet's `RECORDS` files) or absolute;
/// `.hea` is appended when the path has no such extension. Blank lines and lines starting with
/// `#` are skipped. A list the user wrote may name records anywhere (absolute paths, `..`);
/// a dataset's own `RECORDS` file (`confined`) may only name records inside its folder, and
/// symbolic links out of it are refused. Subject and study are taken from MIMIC-style
/// `p<subject>/s<study>` folders when the path has them.
public struct RecordListDataset: ECGDataset {
    /// The list file read.
    public let listFile: URL
    public let entries: [DatasetEntry]

    /// Reads `listFile`; with `verifyFiles` every header must exist. With `confined`, every
    /// record must stay inside the list's folder (the list is a dataset's index).
    public init(listFile: URL, limits: ReadLimits = .default, verifyFiles: Bool = true, confined: Bool = false) throws {
        self.listFile = listFile
        let data: Data
        do {
            data = try Data(contentsOf: listFile)
        } catch {
            throw DatasetError(file: listFile.path, message: "cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DatasetError(file: listFile.path, message: "not UTF-8 text")
        }
        let base = listFile.deletingLastPathComponent()
        let resolvedBase = DatasetPaths.resolvedRoot(base)
        var entries: [DatasetEntry] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            guard rawLine.utf8.count <= limits.maximumLineLength else {
                throw DatasetError(file: listFile.path, line: lineNumber,
                                   message: "line longer than \(limits.maximumLineLength) bytes")
            }
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let path = line.hasSuffix(".hea") ? line : line + ".hea"
            if confined, let problem = DatasetPaths.problem(withRelativePath: path) {
                throw DatasetError(file: listFile.path, line: lineNumber, message: problem)
            }
            let header = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
            if verifyFiles, !FileManager.default.fileExists(atPath: header.path) {
                throw DatasetError(file: listFile.path, line: lineNumber, message: "header \(header.path) does not exist")
            }
            if confined, verifyFiles, !DatasetPaths.isInside(header, root: resolvedBase) {
                throw DatasetError(file: listFile.path, line: lineNumber,
                                   message: "header \(header.path) leads outside the dataset folder through a symbolic link")
            }
            let components = path.split(separator: "/").map(String.init)
            let ids = DatasetPaths.mimicIDs(fromComponents: components)
            let name = String(components.last?.dropLast(4) ?? "")
            entries.append(DatasetEntry(location: .wfdb(header: header), recordID: name,
                                        subjectID: ids?.subject, studyID: ids?.study, root: confined ? base : nil))
        }
        self.entries = entries
    }
}

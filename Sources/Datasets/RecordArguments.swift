import ECGModel
import Foundation

/// Turns what a user types on the command line into dataset entries.
///
/// - `path/100.hea` or `path/100` (a WFDB record, with or without the extension);
/// - `exams.hdf5` (every exam of an HDF5 tracings file) or `exams.hdf5#7` (exam index 7);
/// - a folder (a MIMIC-IV-ECG tree, or any folder with a PhysioNet `RECORDS` file), every record
///   in it, as ``DatasetLoader`` opens it.
///
/// Subject and study ids come from MIMIC-style `p<subject>/s<study>` folders where present.
public enum RecordArguments {
    public static func entries(for arguments: [String], limits: ReadLimits = .default) throws -> [DatasetEntry] {
        try arguments.flatMap { try entries(for: $0, limits: limits) }
    }

    public static func entries(for argument: String, limits: ReadLimits = .default) throws -> [DatasetEntry] {
        let manager = FileManager.default
        if let hash = argument.lastIndex(of: "#"), isHDF5(String(argument[..<hash])) {
            let file = URL(fileURLWithPath: String(argument[..<hash]))
            guard let index = Int(argument[argument.index(after: hash)...]), index >= 0 else {
                throw DatasetError(file: argument, message: "the part after '#' must be an exam index (0, 1, …)")
            }
            let dataset = try DatasetLoader.open(file, limits: limits)
            guard index < dataset.entries.count else {
                throw DatasetError(file: file.path, message: "exam index \(index) is outside 0..<\(dataset.entries.count)")
            }
            return [dataset.entries[index]]
        }
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: argument, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue || isHDF5(argument) {
            return try DatasetLoader.open(URL(fileURLWithPath: argument), limits: limits).entries
        }
        let header = argument.hasSuffix(".hea") ? argument : argument + ".hea"
        guard manager.fileExists(atPath: header) else {
            throw DatasetError(file: argument, message: "no such record (looked for \(header))")
        }
        let url = URL(fileURLWithPath: header)
        let components = url.standardizedFileURL.pathComponents
        let ids = DatasetPaths.mimicIDs(fromComponents: components)
        return [DatasetEntry(location: .wfdb(header: url), recordID: url.deletingPathExtension().lastPathComponent,
                             subjectID: ids?.subject, studyID: ids?.study)]
    }

    private static func isHDF5(_ path: String) -> Bool {
        let suffix = URL(fileURLWithPath: path).pathExtension.lowercased()
        return suffix == "hdf5" || suffix == "h5"
    }
}

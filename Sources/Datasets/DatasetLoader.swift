import ECGModel
import Foundation

/// Opens whatever a user points at as a dataset.
public enum DatasetLoader {
    /// A folder is a MIMIC-IV-ECG tree; a `.hdf5`/`.h5` file is a CODE-15%-layout file (with
    /// `exams.csv` beside it used for patients when present); any other file is a list of
    /// record paths.
    public static func open(_ url: URL, limits: ReadLimits = .default) throws -> any ECGDataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DatasetError(file: url.path, message: "no such file or folder")
        }
        if isDirectory.boolValue { return try MIMICDataset(root: url, limits: limits) }
        let suffix = url.pathExtension.lowercased()
        if suffix == "hdf5" || suffix == "h5" {
            let csv = url.deletingLastPathComponent().appendingPathComponent("exams.csv")
            return try HDF5ExamDataset(file: url, limits: limits,
                                       examsCSV: FileManager.default.fileExists(atPath: csv.path) ? csv : nil)
        }
        return try RecordListDataset(listFile: url, limits: limits)
    }
}

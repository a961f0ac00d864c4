import ECGModel
import Foundation

/// Opens whatever a user points at as a dataset.
public enum DatasetLoader {
    /// A folder with `record_list.csv` is a MIMIC-IV-ECG tree; a folder with PhysioNet's
    /// `RECORDS` file (LUDB, PTB-XL, MIT-BIH…) is the list of records it names; any other
    /// folder is walked as a MIMIC-IV-ECG tree. A `.hdf5`/`.h5` file is a CODE-15%-layout file
    /// (with `exams.csv` beside it used for patients when present); any other file is a list
    /// of record paths. A folder's own index (`record_list.csv`, `RECORDS`, `exams.csv`) may not
    /// lead out of the folder, through `..` or through symbolic links.
    public static func open(_ url: URL, limits: ReadLimits = .default) throws -> any ECGDataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DatasetError(file: url.path, message: "no such file or folder")
        }
        if isDirectory.boolValue {
            let records = url.appendingPathComponent("RECORDS")
            if !FileManager.default.fileExists(atPath: url.appendingPathComponent("record_list.csv").path),
               FileManager.default.fileExists(atPath: records.path) {
                return try RecordListDataset(listFile: records, limits: limits, confined: true)
            }
            return try MIMICDataset(root: url, limits: limits)
        }
        let suffix = url.pathExtension.lowercased()
        if suffix == "hdf5" || suffix == "h5" {
            let folder = url.deletingLastPathComponent()
            let csv = folder.appendingPathComponent("exams.csv")
            let hasCSV = FileManager.default.fileExists(atPath: csv.path)
            if hasCSV, !DatasetPaths.isInside(csv, root: DatasetPaths.resolvedRoot(folder)) {
                throw DatasetError(file: csv.path, message: "leads outside \(folder.path) through a symbolic link")
            }
            return try HDF5ExamDataset(file: url, limits: limits, examsCSV: hasCSV ? csv : nil)
        }
        return try RecordListDataset(listFile: url, limits: limits)
    }
}

import ECGModel
import Foundation

/// Opens whatever a user points at as a dataset.
public enum DatasetLoader {
    /// A folder with `record_list.csv` is a MIMIC-IV-ECG tree; a folder with PhysioNet's
    /// `RECORDS` file (LUDB, PTB-XL, MIT-BIH…) is the list of records it names; a folder with
    /// CODE-15%'s `exams.csv` is every HDF5 tracings file at its top level
    /// (`exams_part0.hdf5` … `exams_part17.hdf5`, in numeric order), one dataset so that a
    /// patient's exams stay together across files; any other folder is walked as a MIMIC-IV-ECG
    /// tree for WFDB headers, or, when it holds none, taken as its top-level HDF5 files. A
    /// folder in which none of these finds a record is an error, not an empty dataset. A
    /// `.hdf5`/`.h5` file is a CODE-15%-layout file (with `exams.csv` beside it used for
    /// patients when present); any other file is a list of record paths. A folder's own index
    /// (`record_list.csv`, `RECORDS`, `exams.csv`) and its HDF5 files may not lead out of the
    /// folder, through `..` or through symbolic links.
    public static func open(_ url: URL, limits: ReadLimits = .default) throws -> any ECGDataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DatasetError(file: url.path, message: "no such file or folder")
        }
        if isDirectory.boolValue {
            let records = url.appendingPathComponent("RECORDS")
            let hasRecordList = FileManager.default.fileExists(atPath: url.appendingPathComponent("record_list.csv").path)
            if !hasRecordList, FileManager.default.fileExists(atPath: records.path) {
                return try RecordListDataset(listFile: records, limits: limits, confined: true)
            }
            if !hasRecordList, let csv = try examsCSV(in: url) {
                let hdf5 = try TracingFiles.at(url)
                guard !hdf5.isEmpty else {
                    throw DatasetError(file: csv.path, message: "no HDF5 tracings file (.hdf5, .h5) beside it")
                }
                return try HDF5ExamDataset(files: hdf5, limits: limits, examsCSV: csv)
            }
            let tree = try MIMICDataset(root: url, limits: limits)
            if !tree.entries.isEmpty || hasRecordList { return tree }
            let hdf5 = try TracingFiles.at(url)
            guard !hdf5.isEmpty else {
                throw DatasetError(file: url.path, message: "no records found: no record_list.csv, RECORDS or exams.csv, "
                                   + "no WFDB header (.hea) in the tree and no HDF5 tracings file (.hdf5, .h5) at the top")
            }
            return try HDF5ExamDataset(files: hdf5, limits: limits)
        }
        let suffix = url.pathExtension.lowercased()
        if suffix == "hdf5" || suffix == "h5" {
            let folder = url.deletingLastPathComponent()
            return try HDF5ExamDataset(file: url, limits: limits, examsCSV: try examsCSV(in: folder))
        }
        return try RecordListDataset(listFile: url, limits: limits)
    }

    /// CODE-15%'s `exams.csv` in `folder`, if there is one inside it.
    private static func examsCSV(in folder: URL) throws -> URL? {
        let csv = folder.appendingPathComponent("exams.csv")
        guard FileManager.default.fileExists(atPath: csv.path) else { return nil }
        guard DatasetPaths.isInside(csv, root: DatasetPaths.resolvedRoot(folder)) else {
            throw DatasetError(file: csv.path, message: "leads outside \(folder.path) through a symbolic link")
        }
        return csv
    }
}

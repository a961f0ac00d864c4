import ECGModel
import Foundation
import HDF5Tracings
import Synchronization
import WFDB

/// Reading the waveforms a ``DatasetEntry`` points at.
extension DatasetEntry {
    /// Reads this entry's record in physical units, with the dataset index's subject, study and
    /// acquisition time filled in where the file itself does not say.
    ///
    /// HDF5 files are opened once per process and shared (``HDF5Files``), so iterating the
    /// exams of a CODE-15% file does not reopen it for every exam.
    public func readRecord(limits: ReadLimits = .default) throws -> ECGRecord {
        try checkInsideRoot()
        var record: ECGRecord
        switch location {
        case .wfdb(let header):
            record = try ECGRecord.readWFDB(at: header, limits: limits)
        case .hdf5(let file, let index):
            record = try HDF5Files.shared.open(file, limits: limits).record(at: index)
        }
        if record.metadata.subjectID == nil, let subjectID { record.metadata.subjectID = String(subjectID) }
        if record.metadata.studyID == nil, let studyID { record.metadata.studyID = String(studyID) }
        if record.metadata.acquisitionTime == nil { record.metadata.acquisitionTime = ecgTime }
        return record
    }
}

extension DatasetEntry {
    /// Refuses a record whose header (or HDF5 file) leads out of ``root`` through a symbolic
    /// link: a dataset's index must not make the tool read files elsewhere on the machine.
    public func checkInsideRoot() throws {
        guard let root else { return }
        let file: URL = switch location {
        case .wfdb(let header): header
        case .hdf5(let file, _): file
        }
        guard RootConfinement.isInside(file, root: root) else {
            throw DatasetError(file: file.path, message: "leads outside the dataset folder \(root.path) through a symbolic link")
        }
    }
}

/// Open HDF5 tracings files, shared across threads and kept for the life of the process.
public final class HDF5Files: Sendable {
    /// The process-wide cache.
    public static let shared = HDF5Files()

    private let files = Mutex<[URL: HDF5TracingsFile]>([:])

    /// The open file at `url` in the CODE-15% layout, opening it on first use.
    public func open(_ url: URL, layout: HDF5TracingsLayout = .code15,
                     limits: ReadLimits = .default) throws -> HDF5TracingsFile {
        let key = url.standardizedFileURL
        if let file = files.withLock({ $0[key] }) { return file }
        let file = try HDF5TracingsFile(url: key, layout: layout, limits: limits)
        return files.withLock { cache in
            if let existing = cache[key] { return existing }
            cache[key] = file
            return file
        }
    }
}

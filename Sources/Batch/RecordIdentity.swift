import Datasets
import ECGModel
import Foundation
import Measurement

/// The MIMIC-IV-ECG identifiers every output line of a record starts with.
///
/// The dataset's own index (`record_list.csv`, CODE-15%'s `exams.csv`) wins over what the
/// record's header says, because it is what users join the outputs on.
struct RecordIdentity {
    var subjectID: String?
    var studyID: String?
    /// `ecg_time` as MIMIC writes it.
    var ecgTime: String?
    var recordID: String

    init(_ record: ECGRecord, entry: DatasetEntry) {
        subjectID = entry.subjectID.map(String.init) ?? record.metadata.subjectID
        studyID = entry.studyID.map(String.init) ?? record.metadata.studyID
        ecgTime = (entry.ecgTime ?? record.metadata.acquisitionTime).map(MIMICTime.format)
        recordID = entry.recordID
    }

    /// `subject_id,study_id,ecg_time` as CSV cells.
    var csvCells: String {
        [subjectID ?? "", studyID ?? "", ecgTime ?? ""].map(MeasurementReport.csvEscape).joined(separator: ",")
    }

    /// The leading pairs of a JSON line: numbers where the ids are numeric, `null` when absent.
    var jsonPairs: [(String, String)] {
        func id(_ s: String?) -> String {
            guard let s else { return "null" }
            return Int(s) != nil ? s : JSONLine.string(s)
        }
        return [("subject_id", id(subjectID)), ("study_id", id(studyID)),
                ("ecg_time", ecgTime.map(JSONLine.string) ?? "null"), ("record", JSONLine.string(recordID))]
    }
}

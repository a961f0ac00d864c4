import Foundation

/// Builds a MIMIC-IV-ECG-layout dataset in a temporary folder from the committed synthetic
/// records in `Signals/`, for tests that need a whole dataset (batch conversion, corruption).
///
/// Record `k` (0-based) is copy `k / 22` of the `k % 22`-th Signals record (sorted by name),
/// stored as `files/p1000/p<subject>/s<study>/<name>.hea` + `.dat`, with subject
/// `10000000 + k / 3` (three ECGs per patient, the last patient possibly fewer), study
/// `40000000 + k`, and an `ecg_time` one day apart per ECG, listed in `record_list.csv`.
public struct SignalsDataset {
    public let root: URL
    /// Per record: subject, study, file name, path of the header without extension.
    public let records: [(subject: Int, study: Int, name: String, path: String)]

    /// The Signals/ records' names, sorted.
    public static func signalNames() throws -> [String] {
        let folder = RealData.packageRoot.appendingPathComponent("Signals")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".hea") }.map { String($0.dropLast(4)) }.sorted()
    }

    public init(count: Int, label: String = "dataset") throws {
        let manager = FileManager.default
        let signals = RealData.packageRoot.appendingPathComponent("Signals")
        let names = try Self.signalNames()
        root = try RealData.temporaryDirectory(label)
        var rows = ["subject_id,study_id,file_name,ecg_time,path"]
        var records: [(Int, Int, String, String)] = []
        for k in 0..<count {
            let name = names[k % names.count]
            let subject = 10_000_000 + k / 3
            let study = 40_000_000 + k
            let folder = "files/p1000/p\(subject)/s\(study)"
            let target = root.appendingPathComponent(folder)
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            for suffix in [".hea", ".dat"] {
                try manager.copyItem(at: signals.appendingPathComponent(name + suffix),
                                     to: target.appendingPathComponent(name + suffix))
            }
            let day = 1 + k % 28
            rows.append("\(subject),\(study),\(name),2150-0\(1 + k / 28 % 9)-\(day < 10 ? "0" : "")\(day) 10:00:00,\(folder)/\(name)")
            records.append((subject, study, name, "\(folder)/\(name)"))
        }
        try (rows.joined(separator: "\n") + "\n").write(to: root.appendingPathComponent("record_list.csv"),
                                                        atomically: true, encoding: .utf8)
        self.records = records
    }

    /// The header URL of record `k`.
    public func header(_ k: Int) -> URL { root.appendingPathComponent(records[k].path + ".hea") }
    /// The signal file URL of record `k`.
    public func signalFile(_ k: Int) -> URL { root.appendingPathComponent(records[k].path + ".dat") }

    /// Removes the dataset's folder.
    public func remove() { try? FileManager.default.removeItem(at: root) }
}

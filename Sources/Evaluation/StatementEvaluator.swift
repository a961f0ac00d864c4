import Foundation
import Synchronization
import Datasets
import Interpretation

/// Runs the interpreter over a database and compares its statements with the database's labels:
/// PTB-XL SCP codes (`ptbxl_database.csv`) or MIMIC-IV-ECG machine reports
/// (`machine_measurements.csv`, `report_0` … `report_17`).
public struct StatementEvaluator: Sendable {
    public var pipeline: InterpretationPipeline

    public init(pipeline: InterpretationPipeline = InterpretationPipeline()) {
        self.pipeline = pipeline
    }

    /// Reference labels and patient data of one record.
    struct Reference: Sendable {
        var classes: Set<StatementClass>
        var sex: Sex
        var age: Int?
        var unassessed: Set<StatementClass> = []
    }

    /// Every evaluation the folder supports (PTB-XL and/or MIMIC machine reports).
    public func evaluate(directory: URL, limit: Int? = nil) throws -> [StatementEvaluation] {
        let ptbxl = directory.appendingPathComponent("ptbxl_database.csv")
        let machine = directory.appendingPathComponent("machine_measurements.csv")
        let ludb = directory.appendingPathComponent("ludb.csv")
        let manager = FileManager.default
        var out: [StatementEvaluation] = []
        let entries = try DatasetLoader.open(directory).entries
        let selected = limit.map { Array(entries.prefix($0)) } ?? entries
        if manager.fileExists(atPath: ptbxl.path) {
            let refs = try Self.ptbxlReferences(ptbxl)
            out.append(run(selected, source: "PTB-XL SCP codes", references: { refs[$0.recordID] }))
        }
        if manager.fileExists(atPath: machine.path) {
            let refs = try Self.machineReferences(machine)
            out.append(run(selected, source: "MIMIC-IV-ECG machine reports", references: { e in e.studyID.flatMap { refs[$0] } }))
        }
        if manager.fileExists(atPath: ludb.path) {
            let refs = try Self.ludbReferences(ludb)
            out.append(run(selected, source: "LUDB diagnoses (ludb.csv)", references: { refs[$0.recordID] }))
        }
        guard !out.isEmpty else {
            throw DatasetError(file: directory.path,
                               message: "no ptbxl_database.csv, machine_measurements.csv or ludb.csv: nothing to compare with")
        }
        return out
    }

    func run(_ entries: [DatasetEntry], source: String, references: (DatasetEntry) -> Reference?) -> StatementEvaluation {
        let jobs = entries.compactMap { e in references(e).map { (e, $0) } }
        let results = Mutex<[Int: Result<StatementEvaluation.Row, Error>]>([:])
        let cpu = Mutex(0.0)
        let pipeline = self.pipeline
        DispatchQueue.concurrentPerform(iterations: jobs.count) { k in
            let (entry, ref) = jobs[k]
            let outcome = Result { () throws -> StatementEvaluation.Row in
                let record = try entry.readRecord()
                let r = try pipeline.run(record, sex: ref.sex, age: ref.age)
                cpu.withLock { $0 += r.measured.cpuSeconds }
                let predicted = StatementClass.predicted(r.interpretation.statements)
                return StatementEvaluation.Row(record: entry.recordID, reference: ref.classes, predicted: predicted,
                                               statements: r.interpretation.statements.map(\.text), unassessed: ref.unassessed)
            }
            results.withLock { $0[k] = outcome }
        }
        var evaluation = StatementEvaluation(source: source)
        let all = results.withLock { $0 }
        for k in jobs.indices {
            switch all[k] {
            case .success(let row)?: evaluation.rows.append(row)
            case .failure(let error)?: evaluation.failures.append((jobs[k].0.recordID, "\(error)"))
            case nil: break
            }
        }
        evaluation.cpuSeconds = cpu.withLock { $0 }
        return evaluation
    }

    /// PTB-XL: record name (`00001_hr`) → classes, sex (0 male, 1 female) and age.
    static func ptbxlReferences(_ url: URL) throws -> [String: Reference] {
        let table = try CSVTable(contentsOf: url)
        try table.requireColumns(["scp_codes", "filename_hr", "sex", "age", "heart_axis"])
        var out: [String: Reference] = [:]
        for row in table.rows {
            let name = URL(fileURLWithPath: try table.value("filename_hr", in: row)).lastPathComponent
            let codes = try scpCodes(try table.value("scp_codes", in: row), file: table.file, line: row.line)
            let sex: Sex = switch try table.value("sex", in: row) { case "0": .male; case "1": .female; default: .unknown }
            let age = Double(try table.value("age", in: row)).map { Int($0) }
            let axis = try table.value("heart_axis", in: row)
            out[name] = Reference(classes: StatementClass.fromPTBXL(codes: codes, heartAxis: axis), sex: sex, age: age,
                                  unassessed: StatementClass.unassessedInPTBXL(heartAxis: axis))
        }
        return out
    }

    /// LUDB: record number (`1`, the name of `data/1`) → classes, sex and age (`>89` counts as 90).
    static func ludbReferences(_ url: URL) throws -> [String: Reference] {
        let table = try CSVTable(contentsOf: url)
        let columns = ["ID", "Sex", "Age", "Rhythms", "Conduction abnormalities", "Extrasystolies", "Cardiac pacing"]
        try table.requireColumns(columns)
        var out: [String: Reference] = [:]
        for row in table.rows {
            func cell(_ name: String) throws -> String { try table.value(name, in: row) }
            let id = try cell("ID").trimmingCharacters(in: .whitespacesAndNewlines)
            let sex: Sex = switch try cell("Sex").trimmingCharacters(in: .whitespacesAndNewlines) {
            case "M": .male
            case "F": .female
            default: .unknown
            }
            let ageText = try cell("Age").trimmingCharacters(in: .whitespacesAndNewlines)
            let age = ageText.hasPrefix(">") ? Int(ageText.dropFirst()).map { $0 + 1 } : Int(ageText)
            let classes = StatementClass.fromLUDB(rhythms: try cell("Rhythms"), conduction: try cell("Conduction abnormalities"),
                                                  extrasystoles: try cell("Extrasystolies"), pacing: try cell("Cardiac pacing"))
            out[id] = Reference(classes: classes, sex: sex, age: age, unassessed: StatementClass.unassessedInLUDB)
        }
        return out
    }

    /// The keys of PTB-XL's `scp_codes` Python-dict literal, e.g. `{'NORM': 100.0, 'SR': 0.0}`.
    /// Every code counts, whatever its likelihood (rhythm codes always have likelihood 0).
    static func scpCodes(_ text: String, file: String, line: Int) throws -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{"), trimmed.hasSuffix("}") else {
            throw DatasetError(file: file, line: line, message: "scp_codes '\(text)' is not a {'CODE': likelihood} dictionary")
        }
        let body = trimmed.dropFirst().dropLast()
        guard !body.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        return try body.split(separator: ",").map { item in
            let parts = item.split(separator: ":", maxSplits: 1)
            let key = parts.first?.trimmingCharacters(in: .whitespaces) ?? ""
            guard parts.count == 2, key.count >= 3, key.hasPrefix("'"), key.hasSuffix("'") else {
                throw DatasetError(file: file, line: line, message: "scp_codes item '\(item)' is not 'CODE': likelihood")
            }
            return String(key.dropFirst().dropLast())
        }
    }

    /// MIMIC-IV-ECG: study id → classes from the report lines.
    static func machineReferences(_ url: URL) throws -> [Int: Reference] {
        let table = try CSVTable(contentsOf: url)
        try table.requireColumns(["study_id"])
        let reportColumns = (0...17).map { "report_\($0)" }.filter(table.hasColumn)
        guard !reportColumns.isEmpty else {
            throw DatasetError(file: table.file, line: 1, message: "no report_0 … report_17 columns")
        }
        var out: [Int: Reference] = [:]
        for row in table.rows {
            let study = try table.integer("study_id", in: row)
            let lines = reportColumns.compactMap { row[$0] }.filter { !$0.isEmpty }
            out[study] = Reference(classes: StatementClass.fromMachineReport(lines), sex: .unknown, age: nil)
        }
        return out
    }
}

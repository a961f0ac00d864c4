import Foundation
import ECGModel
import WFDB
import Measurement
import Interpretation

/// A global measurement compared with a reference.
public enum ComparedQuantity: String, Sendable, CaseIterable, Hashable {
    case heartRate = "Heart rate", pr = "PR", qrs = "QRS", qt = "QT"
    case pAxis = "P axis", qrsAxis = "QRS axis", tAxis = "T axis"

    /// Agreement tolerance: 2 bpm, 10 ms (PR, QRS), 20 ms (QT), 15° (axes).
    public var tolerance: Double {
        switch self {
        case .heartRate: 2
        case .pr, .qrs: 10
        case .qt: 20
        case .pAxis, .qrsAxis, .tAxis: 15
        }
    }

    public var unit: String {
        switch self {
        case .heartRate: "bpm"
        case .pr, .qrs, .qt: "ms"
        default: "°"
        }
    }

    var isAngle: Bool { self == .pAxis || self == .qrsAxis || self == .tAxis }
}

/// Agreement of one quantity over the records where both sides have it.
public struct Agreement: Sendable, Equatable {
    public var count = 0
    public var absoluteSum = 0.0
    public var differenceSum = 0.0
    public var within = 0
    /// Records where the reference has the value but the tool reported none.
    public var missing = 0

    public var meanAbsoluteDifference: Double? { count > 0 ? absoluteSum / Double(count) : nil }
    public var bias: Double? { count > 0 ? differenceSum / Double(count) : nil }
    public var shareWithinTolerance: Double? { count > 0 ? Double(within) / Double(count) : nil }
}

/// Global-measurement agreement over a database.
public struct MeasurementEvaluation: Sendable {
    /// `LUDB annotations` or `machine_measurements.csv`.
    public var referenceName = ""
    public var records = 0
    public var agreement: [ComparedQuantity: Agreement] = [:]
    public var failures: [String] = []
    /// Per record: id, quantity, tool, reference (for inspection).
    public var rows: [(record: String, quantity: ComparedQuantity, tool: Double, reference: Double)] = []
    /// LUDB only: per interval, the reference minus the cardiologists' median single-lead value.
    public var referenceSpread: [ComparedQuantity: ReferenceSpread] = [:]
    /// LUDB only: our median-lead QRS and QT against the cardiologists' median single-lead ones.
    public var singleLeadAgreement: [ComparedQuantity: Agreement] = [:]
    /// LUDB only: our global PR, QRS and QT against the reference without each beat's most
    /// extreme lead (``LUDBReference/measurementsWithoutMostExtremeLead(leads:samplingFrequency:)``).
    public var robustAgreement: [ComparedQuantity: Agreement] = [:]
    /// LUDB only: per interval, the reference minus its version without each beat's most
    /// extreme lead: how far one lead's manual mark moves the twelve-lead interval.
    public var extremeLeadSpread: [ComparedQuantity: ReferenceSpread] = [:]
    /// LUDB with its `ludb.csv` only: how often each QRS measure reaches 120 ms, by diagnosis.
    public var qrsWidthByDiagnosis = QRSWidthByDiagnosis()

    public init() {}

    mutating func addSpread(reference: ReferenceMeasurements, singleLead: ReferenceMeasurements) {
        for q in [ComparedQuantity.pr, .qrs, .qt] {
            guard let r = Self.value(q, reference), let s = Self.value(q, singleLead) else { continue }
            referenceSpread[q, default: ReferenceSpread()].differences.append(r - s)
        }
    }

    mutating func addWithoutMostExtremeLead(tool: ReferenceMeasurements, reference: ReferenceMeasurements,
                                            robust: ReferenceMeasurements) {
        for q in [ComparedQuantity.pr, .qrs, .qt] {
            guard let r = Self.value(q, robust) else { continue }
            Self.update(&robustAgreement[q, default: Agreement()], quantity: q, tool: Self.value(q, tool), reference: r)
            if let union = Self.value(q, reference) {
                extremeLeadSpread[q, default: ReferenceSpread()].differences.append(union - r)
            }
        }
    }

    mutating func addSingleLead(tool: ReferenceMeasurements, reference: ReferenceMeasurements) {
        for q in [ComparedQuantity.qrs, .qt] {
            guard let r = Self.value(q, reference) else { continue }
            Self.update(&singleLeadAgreement[q, default: Agreement()], quantity: q, tool: Self.value(q, tool), reference: r)
        }
    }

    /// Adds one record's comparison; a missing tool value counts as missing.
    static func update(_ a: inout Agreement, quantity q: ComparedQuantity, tool: Double?, reference r: Double) {
        guard let t = tool else { a.missing += 1; return }
        var d = t - r
        if q.isAngle { d = (d + 540).truncatingRemainder(dividingBy: 360) - 180 }
        a.count += 1
        a.absoluteSum += abs(d)
        a.differenceSum += d
        if abs(d) <= q.tolerance { a.within += 1 }
    }

    mutating func add(record: String, tool: ReferenceMeasurements, reference: ReferenceMeasurements,
                      quantities: [ComparedQuantity]) {
        records += 1
        for q in quantities {
            guard let r = Self.value(q, reference) else { continue }
            let t = Self.value(q, tool)
            Self.update(&agreement[q, default: Agreement()], quantity: q, tool: t, reference: r)
            if let t { rows.append((record, q, t, r)) }
        }
    }

    static func value(_ q: ComparedQuantity, _ m: ReferenceMeasurements) -> Double? {
        switch q {
        case .heartRate: m.heartRate
        case .pr: m.pr
        case .qrs: m.qrs
        case .qt: m.qt
        case .pAxis: m.pAxis
        case .qrsAxis: m.qrsAxis
        case .tAxis: m.tAxis
        }
    }

    public func table() -> String {
        var lines = ["Global measurements of \(records) records against \(referenceName) (difference = tool − reference)", ""]
        lines += Self.agreementRows(agreement)
        if !referenceSpread.isEmpty { lines += spreadTable() }
        if !singleLeadAgreement.isEmpty {
            lines += ["", "Median-lead QRS and QT against the cardiologists' median single-lead intervals (each lead's own onset to its own offset)"]
            lines += Self.agreementRows(singleLeadAgreement)
        }
        if !robustAgreement.isEmpty {
            lines += ["", "Global intervals against the reference without each beat's most extreme lead (second-earliest onset, second-latest offset)"]
            lines += Self.agreementRows(robustAgreement)
            lines += extremeLeadTable()
        }
        if !qrsWidthByDiagnosis.isEmpty { lines += qrsWidthByDiagnosis.table() }
        if !failures.isEmpty { lines += ["", "Failed records:"] + failures.map { "  " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }

    static func agreementRows(_ agreement: [ComparedQuantity: Agreement]) -> [String] {
        var lines = ["  Quantity       n   mean |d|     bias   within tolerance   missing"]
        for q in ComparedQuantity.allCases {
            guard let a = agreement[q], a.count + a.missing > 0 else { continue }
            let name = q.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let mad = a.meanAbsoluteDifference.map { String(format: "%7.1f %@", $0, q.unit) } ?? "      —"
            let bias = a.bias.map { String(format: "%+7.1f", $0) } ?? "      —"
            let share = a.shareWithinTolerance.map { String(format: "%6.1f %% (±%g %@)", $0 * 100, q.tolerance, q.unit) } ?? "—"
            lines.append("  \(name) \(String(format: "%5d", a.count))  \(mad)  \(bias)   \(share)   \(a.missing)")
        }
        return lines
    }

    /// The reference minus its version without the most extreme lead: how often the two lie
    /// within tolerance as they are, and with the best constant added to the second.
    func extremeLeadTable() -> [String] {
        ["", "Reference minus that version (how far each beat's most extreme lead moves the twelve-lead interval)",
         "  Quantity       n     mean      SD   within tolerance   that version + best constant"]
            + Self.spreadRows(extremeLeadSpread) { q, s, ideal in
                let within = Double(s.differences.filter { abs($0) <= q.tolerance }.count) / Double(s.differences.count)
                return String(format: "%6.1f %% (±%g %@)   %5.1f %% (constant %+.1f %@)", within * 100, q.tolerance, q.unit,
                              ideal.share * 100, ideal.widening, q.unit)
            }
    }

    func spreadTable() -> [String] {
        ["", "Reference minus the cardiologists' median single-lead interval (scatter of the manual marks)",
         "  Quantity       n     mean      SD   an exact single-lead estimator + best constant"]
            + Self.spreadRows(referenceSpread) { q, _, ideal in
                String(format: "%5.1f %% within ±%g %@ (constant %+.1f %@)", ideal.share * 100, q.tolerance,
                       q.unit, ideal.widening, q.unit)
            }
    }

    /// One row per interval: count, mean and SD of the differences, then `shares`' columns.
    static func spreadRows(_ spreads: [ComparedQuantity: ReferenceSpread],
                           shares: (ComparedQuantity, ReferenceSpread, (share: Double, widening: Double)) -> String) -> [String] {
        [ComparedQuantity.pr, .qrs, .qt].compactMap { q in
            guard let s = spreads[q], let mean = s.mean, let sd = s.standardDeviation,
                  let ideal = s.idealShareWithinTolerance(q.tolerance) else { return nil }
            let name = q.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            return "  \(name) \(String(format: "%5d  %+7.1f  %6.1f %@", s.differences.count, mean, sd, q.unit))   "
                + shares(q, s, ideal)
        }
    }
}

/// Compares the pipeline's global measurements with LUDB-derived or MIMIC machine references.
public struct MeasurementEvaluator: Sendable {
    public var pipeline: MeasurementPipeline

    public init(pipeline: MeasurementPipeline = MeasurementPipeline()) {
        self.pipeline = pipeline
    }

    static func toolValues(_ m: RecordMeasurements) -> ReferenceMeasurements {
        let g = m.global
        return ReferenceMeasurements(heartRate: g.heartRate, pr: g.pr?.value, qrs: g.qrs?.value, qt: g.qt?.value,
                                     pAxis: g.pAxis, qrsAxis: g.qrsAxis, tAxis: g.tAxis)
    }

    /// Evaluates `directory`: against `machine_measurements.csv` if it is there (records located
    /// through `record_list.csv`), else against the LUDB per-lead annotation files.
    public func evaluate(directory: URL, limit: Int? = nil) throws -> MeasurementEvaluation {
        let machine = directory.appendingPathComponent("machine_measurements.csv")
        if FileManager.default.fileExists(atPath: machine.path) {
            return try evaluateMachine(directory: directory, csv: machine, limit: limit)
        }
        var result = MeasurementEvaluation()
        result.referenceName = "LUDB annotations (per beat earliest onset/latest offset over the leads, median over beats)"
        var paths = try DelineationEvaluator.recordPaths(in: directory)
        if let limit { paths = Array(paths.prefix(limit)) }
        let ludbCSV = directory.appendingPathComponent("ludb.csv")
        let diagnoses = FileManager.default.fileExists(atPath: ludbCSV.path)
            ? try StatementEvaluator.ludbReferences(ludbCSV) : [:]
        for path in paths {
            do {
                let record = try WFDBRecord.read(from: path).ecgRecord()
                var leads: [LeadWaveMarks] = []
                for lead in record.leads {
                    let url = path.appendingPathExtension(lead.label)
                    guard FileManager.default.fileExists(atPath: url.path),
                          let marks = LeadWaveMarks(annotations: try WFDBAnnotationFile.read(from: url)) else { continue }
                    leads.append(marks)
                }
                guard !leads.isEmpty else {
                    result.failures.append("\(path.lastPathComponent): no per-lead annotation files")
                    continue
                }
                let fs = record.samplingFrequency.hertz
                let reference = LUDBReference.measurements(leads: leads, samplingFrequency: fs)
                let singleLead = LUDBReference.singleLeadMeasurements(leads: leads, samplingFrequency: fs)
                let robust = LUDBReference.measurementsWithoutMostExtremeLead(leads: leads, samplingFrequency: fs)
                result.addSpread(reference: reference, singleLead: singleLead)
                let tool = try pipeline.run(record).measurements
                result.add(record: path.lastPathComponent, tool: Self.toolValues(tool), reference: reference,
                           quantities: [.heartRate, .pr, .qrs, .qt])
                result.addWithoutMostExtremeLead(tool: Self.toolValues(tool), reference: reference, robust: robust)
                result.addSingleLead(tool: ReferenceMeasurements(qrs: tool.global.medianLeadQRS?.value,
                                                                 qt: tool.global.medianLeadQT?.value),
                                     reference: singleLead)
                if let classes = diagnoses[path.lastPathComponent]?.classes {
                    let measured: [QRSWidthByDiagnosis.Measure: Double?] = [
                        .reference: reference.qrs, .withoutMostExtremeLead: robust.qrs, .singleLeadReference: singleLead.qrs,
                        .twelveLead: tool.global.qrs?.value, .medianLead: tool.global.medianLeadQRS?.value,
                        .reported: InterpretationInput.robustQRS(global: tool.global.qrs?.value,
                                                                 perLead: tool.leads.compactMap { $0.qrsDuration?.value }),
                    ]
                    result.qrsWidthByDiagnosis.add(classes: classes, qrs: measured.compactMapValues { $0 })
                }
            } catch {
                result.failures.append("\(path.lastPathComponent): \(error)")
            }
        }
        return result
    }

    func evaluateMachine(directory: URL, csv: URL, limit: Int?) throws -> MeasurementEvaluation {
        var result = MeasurementEvaluation()
        result.referenceName = "machine_measurements.csv"
        let references = try MachineMeasurements.read(from: csv)
        let listURL = directory.appendingPathComponent("record_list.csv")
        guard let text = try? String(contentsOf: listURL, encoding: .utf8) else {
            throw EvaluationInputError(path: listURL.path, reason: "record_list.csv is needed to locate the records")
        }
        let rows = CSVRows.parse(text)
        guard let header = rows.first, let study = header.firstIndex(of: "study_id"),
              let pathColumn = header.firstIndex(of: "path") else {
            throw EvaluationInputError(path: listURL.path, reason: "line 1: needs study_id and path columns")
        }
        var count = 0
        for row in rows.dropFirst() where row.count > max(study, pathColumn) {
            if let limit, count >= limit { break }
            let id = row[study].trimmingCharacters(in: .whitespaces)
            guard let reference = references[id] else { continue }
            count += 1
            do {
                let record = try WFDBRecord.read(from: directory.appendingPathComponent(row[pathColumn])).ecgRecord()
                let tool = try pipeline.run(record).measurements
                result.add(record: id, tool: Self.toolValues(tool), reference: reference,
                           quantities: ComparedQuantity.allCases)
            } catch {
                result.failures.append("\(id): \(error)")
            }
        }
        return result
    }
}

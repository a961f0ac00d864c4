import ECGModel
import Measurement

/// Measurement followed by interpretation, for one record.
public struct InterpretationPipeline: Sendable {
    public var measurement: MeasurementPipeline
    public var interpreter: Interpreter

    public init(measurement: MeasurementPipeline = MeasurementPipeline(), interpreter: Interpreter = Interpreter()) {
        self.measurement = measurement
        self.interpreter = interpreter
    }

    /// Everything known about one record after interpretation.
    public struct Result: Sendable {
        public var measured: MeasurementPipeline.Result
        public var input: InterpretationInput
        public var interpretation: Interpretation
    }

    public func run(_ record: ECGRecord, sex: Sex = .unknown, age: Int? = nil) throws -> Result {
        let measured = try measurement.run(record)
        let input = InterpretationInput(measurements: measured.measurements, delineation: measured.stage.delineation,
                                        sex: sex, age: age)
        return Result(measured: measured, input: input, interpretation: interpreter.interpret(input))
    }
}

/// The text `ecgnarrator interpret` prints.
public enum InterpretationReport {
    /// Statements in report order, each followed by its evidence lines.
    public static func text(_ i: Interpretation) -> String {
        var lines = ["Record \(i.recordID)"]
        for s in i.statements {
            lines.append("  \(s.text)")
            for e in s.evidence { lines.append("      - \(e.text)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

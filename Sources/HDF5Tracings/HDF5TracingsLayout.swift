import ECGModel

/// Where and how an HDF5 file stores its exams: dataset paths, axis order, leads, units.
///
/// ``code15`` describes CODE-15% (Ribeiro et al., 2021): dataset `tracings` of shape
/// (exams, 4096, 12), float32 millivolts at 400 Hz, leads DI, DII, DIII, AVR, AVL, AVF, V1–V6,
/// and `exam_id` (int64, one per exam). Other collections differ only in these parameters.
public struct HDF5TracingsLayout: Sendable, Equatable {
    /// How the three dimensions of the tracings dataset are ordered.
    public enum AxisOrder: Sendable, Equatable {
        /// (exam, sample, lead), as CODE-15% stores it.
        case examSampleLead
        /// (exam, lead, sample).
        case examLeadSample
    }

    /// Path of the 3-D tracings dataset inside the file.
    public var tracingsPath: String
    /// Path of the 1-D integer dataset of exam ids, or `nil` to name exams by their index.
    public var examIDPath: String?
    /// The sampling frequency of every exam (HDF5 collections store it out of band).
    public var samplingFrequency: SamplingFrequency
    /// The lead labels in the order of the lead axis, recognised with ``ECGModel/Lead/init(label:)``.
    public var leadLabels: [String]
    /// The order of the tracings dataset's axes.
    public var axisOrder: AxisOrder
    /// Millivolts per stored unit (1 for data stored in mV, 0.001 for µV).
    public var millivoltsPerUnit: Float
    /// Whether to drop the zero padding around each exam.
    ///
    /// CODE-15% stores every exam in 4096 rows and centres shorter exams (10 s and 7 s at
    /// 400 Hz) between rows that are exactly zero. When this is on, the reader drops the
    /// leading and trailing rows in which *every* lead is exactly 0.0, so a 10-s exam comes back
    /// as its 4000 samples. Rows inside the exam are never touched, and an exam that is zero
    /// throughout is returned untrimmed so that it reads as a flat recording, not an empty one.
    public var trimsZeroPadding: Bool

    public init(tracingsPath: String = "tracings", examIDPath: String? = "exam_id",
                samplingFrequency: SamplingFrequency = SamplingFrequency(hertz: 400),
                leadLabels: [String] = HDF5TracingsLayout.code15LeadLabels,
                axisOrder: AxisOrder = .examSampleLead, millivoltsPerUnit: Float = 1,
                trimsZeroPadding: Bool = true) {
        self.tracingsPath = tracingsPath
        self.examIDPath = examIDPath
        self.samplingFrequency = samplingFrequency
        self.leadLabels = leadLabels
        self.axisOrder = axisOrder
        self.millivoltsPerUnit = millivoltsPerUnit
        self.trimsZeroPadding = trimsZeroPadding
    }

    /// CODE-15%'s lead order, in its own spelling.
    public static let code15LeadLabels = ["DI", "DII", "DIII", "AVR", "AVL", "AVF",
                                          "V1", "V2", "V3", "V4", "V5", "V6"]

    /// The CODE-15% layout.
    public static let code15 = HDF5TracingsLayout()

    /// Rows per exam in CODE-15% files.
    public static let code15SamplesPerExam = 4096

    /// Why the layout cannot describe any file, or `nil` if it is usable.
    func problem() -> String? {
        if tracingsPath.isEmpty { return "the tracings dataset path is empty" }
        if examIDPath?.isEmpty == true { return "the exam id dataset path is empty" }
        if leadLabels.isEmpty { return "the layout names no leads" }
        if !(samplingFrequency.hertz > 0) || !samplingFrequency.hertz.isFinite {
            return "the sampling frequency \(samplingFrequency.hertz) Hz is not positive"
        }
        if !(millivoltsPerUnit != 0) || !millivoltsPerUnit.isFinite {
            return "millivolts per unit \(millivoltsPerUnit) is not a usable scale"
        }
        return nil
    }
}

import Foundation

/// One lead's samples in physical units.
public struct LeadSignal: Sendable, Equatable {
    /// Which lead this is, recognised from ``label``.
    public var lead: Lead
    /// The label exactly as the source wrote it (`AVR`, `DI`, `MLII`…).
    public var label: String
    /// Samples in ``units`` (millivolts for ECG leads). Invalid samples are `NaN`.
    public var samples: [Float]
    /// Physical units as the source declared them, normalised so that ECG voltages are `mV`.
    public var units: String

    public init(lead: Lead, label: String, samples: [Float], units: String = "mV") {
        self.lead = lead
        self.label = label
        self.samples = samples
        self.units = units
    }

    /// Creates a lead recognising its identity from `label`.
    public init(label: String, samples: [Float], units: String = "mV") {
        self.init(lead: Lead(label: label), label: label, samples: samples, units: units)
    }

    /// Whether ``units`` are millivolts (any case): the signals the ECG stages work on. "mV"
    /// itself is matched without case folding, which every stage asks of every lead.
    public var isMillivolts: Bool { units == "mV" || units.lowercased() == "mv" }
}

/// What is known about where a record came from and whom it belongs to.
public struct RecordMetadata: Sendable, Equatable {
    /// The record's name as its source names it (WFDB record name, HDF5 exam id…).
    public var recordID: String
    /// The patient (MIMIC-IV-ECG `subject_id`, CODE-15% `patient_id`) where known.
    public var subjectID: String?
    /// The study (MIMIC-IV-ECG `study_id`) where known.
    public var studyID: String?
    /// When the ECG was acquired, in the source's own (possibly shifted) calendar, UTC.
    public var acquisitionTime: Date?
    /// Free-text comments the source carries (WFDB `#` lines).
    public var comments: [String]
    /// Where the record was read from (a path, or a path with a dataset index).
    public var source: String

    public init(recordID: String, subjectID: String? = nil, studyID: String? = nil,
                acquisitionTime: Date? = nil, comments: [String] = [], source: String = "") {
        self.recordID = recordID
        self.subjectID = subjectID
        self.studyID = studyID
        self.acquisitionTime = acquisitionTime
        self.comments = comments
        self.source = source
    }
}

/// An ECG recording from any source: one sampling frequency, leads in physical units, metadata.
///
/// Every reader (WFDB, HDF5) produces this type, and every later stage consumes it. Leads keep
/// the source's order; look them up by identity with ``subscript(_:)``.
public struct ECGRecord: Sendable, Equatable {
    public var metadata: RecordMetadata
    public var samplingFrequency: SamplingFrequency
    public var leads: [LeadSignal]

    public init(metadata: RecordMetadata, samplingFrequency: SamplingFrequency, leads: [LeadSignal]) {
        self.metadata = metadata
        self.samplingFrequency = samplingFrequency
        self.leads = leads
    }

    /// The record's name (shorthand for `metadata.recordID`).
    public var id: String { metadata.recordID }

    /// Samples per lead (the longest lead's length).
    public var sampleCount: Int { leads.map(\.samples.count).max() ?? 0 }

    /// The recording's length.
    public var duration: Milliseconds { samplingFrequency.duration(ofSamples: sampleCount) }

    /// The first lead with this identity, if the record has it.
    public subscript(_ lead: Lead) -> LeadSignal? {
        leads.first { $0.lead == lead }
    }

    /// The standard leads present, in the conventional order I, II, III, aVR … V6.
    public var standardLeads: [LeadSignal] {
        Lead.standard12.compactMap { self[$0] }
    }
}

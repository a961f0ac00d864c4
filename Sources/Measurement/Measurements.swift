import ECGModel
import Delineation
import SignalProcessing

/// Amplitudes of one lead's representative beat, in mV relative to the isoelectric (PR) level.
///
/// A wave that is absent in the lead has a `nil` amplitude. Q and S are negative or `nil`.
public struct LeadMeasurements: Sendable, Equatable {
    public var lead: Lead
    public var label: String
    public var p: Double?
    public var q: Double?
    public var r: Double?
    public var s: Double?
    public var rPrime: Double?
    /// ST level at the J point and 60 ms after it.
    public var stJ: Double?
    public var stJ60: Double?
    public var t: Double?
    /// Q-wave duration (QRS onset to the end of the Q deflection), where there is a Q.
    public var qDuration: Milliseconds?
    /// This lead's own QRS duration.
    public var qrsDuration: Milliseconds?
    /// Net QRS, P and T areas (mV·ms) used for the axes.
    public var qrsArea: Double?
    public var pArea: Double?
    public var tArea: Double?
}

/// Whole-record measurements from the representative beat and the beat sequence.
///
/// Intervals come from the global fiducials of the dominant median beat; rates from all beats.
/// Fiducial times (`pOnset`…`tOffset`) are in ms from the start of the representative beat, as
/// MIMIC-IV-ECG's `machine_measurements` reports them, so that differences (PR, QRS, QT) compare.
public struct GlobalMeasurements: Sendable, Equatable {
    /// Ventricular rate from the mean RR interval (all beats), bpm.
    public var heartRate: Double?
    /// Atrial rate from the median P–P interval, bpm; `nil` without P waves.
    public var atrialRate: Double?
    /// Mean RR, its standard deviation and RMSSD.
    public var rrMean: Milliseconds?
    public var rrStandardDeviation: Milliseconds?
    public var rrRMSSD: Milliseconds?
    public var pOnset: Milliseconds?
    public var pOffset: Milliseconds?
    public var qrsOnset: Milliseconds?
    public var qrsOffset: Milliseconds?
    public var tOffset: Milliseconds?
    public var pDuration: Milliseconds?
    public var pr: Milliseconds?
    public var qrs: Milliseconds?
    public var qt: Milliseconds?
    public var qtc: CorrectedQT?
    /// QRS duration, QT and QTc in one typical lead: the median over the usable leads of each
    /// lead's own interval on the median beat (see ``qrs`` and ``qt`` for the twelve-lead ones).
    public var medianLeadQRS: Milliseconds?
    public var medianLeadQT: Milliseconds?
    public var medianLeadQTc: CorrectedQT?
    public var pAxis: Double?
    public var qrsAxis: Double?
    public var tAxis: Double?
    /// Sokolow–Lyon: S(V1) + max(R(V5), R(V6)), mV.
    public var sokolowLyon: Double?
    /// Cornell: R(aVL) + S(V3), mV (absolute S depth).
    public var cornell: Double?
    /// Beats in the record, and how many were of the dominant type.
    public var beatCount: Int
    public var dominantBeatCount: Int
    /// Beats per type.
    public var beatTypes: [BeatType: Int]
}

/// All measurements of one record.
public struct RecordMeasurements: Sendable, Equatable {
    public var recordID: String
    public var samplingFrequency: SamplingFrequency
    public var global: GlobalMeasurements
    /// Per lead, in the record's lead order.
    public var leads: [LeadMeasurements]
    /// The quality index of each measured lead (same order as ``leads``); empty when the
    /// measurements were made without screening the leads.
    public var quality: [LeadQuality] = []
    /// The arm-electrode reversal check, `nil` when lead I, aVR or V6 is absent or unusable.
    public var armLeadReversal: LimbLeadReversalCheck.Finding? = nil
    /// Whether the amplitudes are physical (limb-lead relations, same-range leads); `nil` when
    /// the measurements were made without screening the leads. When they are not, the axes (and,
    /// for leads scaled to one range, Sokolow–Lyon and Cornell) are left out.
    public var calibration: LeadCalibrationCheck.Finding? = nil

    /// Labels of the leads left out of the global measurements, in record order.
    public var excludedLeads: [String] { quality.filter { !$0.isUsable }.map(\.label) }
}

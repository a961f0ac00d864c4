import Foundation

/// The identity of one ECG lead, recognised by name and never by position.
///
/// Sources spell the twelve standard leads differently (PTB-XL writes `AVR`, CODE-15% writes
/// `DI`, LUDB writes `avr`, MIMIC-IV-ECG stores aVF before aVL), so every reader maps its labels
/// through ``Lead/init(label:)``. Anything that is not one of the twelve standard leads keeps its
/// own label (`MLII`, `ABP`, `vx`…) as ``Lead/other(_:)``.
public enum Lead: Hashable, Sendable, CustomStringConvertible {
    case i, ii, iii, aVR, aVL, aVF, v1, v2, v3, v4, v5, v6
    /// Any other signal, with the label as the source wrote it.
    case other(String)

    /// The twelve standard leads in the conventional display order.
    public static let standard12: [Lead] = [.i, .ii, .iii, .aVR, .aVL, .aVF, .v1, .v2, .v3, .v4, .v5, .v6]

    /// The limb (frontal-plane) leads.
    public static let limbLeads: [Lead] = [.i, .ii, .iii, .aVR, .aVL, .aVF]

    /// The precordial (horizontal-plane) leads.
    public static let precordialLeads: [Lead] = [.v1, .v2, .v3, .v4, .v5, .v6]

    /// Recognises a lead from a label as found in WFDB, HDF5 or CSV sources.
    ///
    /// Matching ignores case, surrounding blanks, a leading "lead " and the Brazilian/Einthoven
    /// `D` prefix (`DI`, `DII`, `DIII`). Unrecognised labels become ``other(_:)`` unchanged.
    public init(label: String) {
        // An ASCII label without blanks at its ends (the usual case) needs no trimming: the
        // only ASCII characters in `.whitespaces` are the space and the tab.
        let ends = (label.utf8.first, label.utf8.last)
        let plain = label.utf8.allSatisfy { $0 < 0x80 } && ends.0 != 0x20 && ends.0 != 0x09
            && ends.1 != 0x20 && ends.1 != 0x09
        var key = (plain ? label : label.trimmingCharacters(in: .whitespaces)).lowercased()
        if key.hasPrefix("lead ") { key = String(key.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
        switch key {
        case "i", "di", "1": self = .i
        case "ii", "dii", "2": self = .ii
        case "iii", "diii", "3": self = .iii
        case "avr": self = .aVR
        case "avl": self = .aVL
        case "avf": self = .aVF
        case "v1": self = .v1
        case "v2": self = .v2
        case "v3": self = .v3
        case "v4": self = .v4
        case "v5": self = .v5
        case "v6": self = .v6
        default: self = .other(label)
        }
    }

    /// The conventional spelling (`I`, `aVR`, `V1`…), or the source's label for other signals.
    public var name: String {
        switch self {
        case .i: "I"
        case .ii: "II"
        case .iii: "III"
        case .aVR: "aVR"
        case .aVL: "aVL"
        case .aVF: "aVF"
        case .v1: "V1"
        case .v2: "V2"
        case .v3: "V3"
        case .v4: "V4"
        case .v5: "V5"
        case .v6: "V6"
        case .other(let label): label
        }
    }

    public var description: String { name }

    /// Whether this is one of the twelve standard leads.
    public var isStandard: Bool {
        if case .other = self { return false }
        return true
    }

    /// Hexaxial angle of a limb lead's positive pole in degrees (I = 0°, aVF = +90°), or `nil`.
    public var frontalAngle: Double? {
        switch self {
        case .i: 0
        case .ii: 60
        case .iii: 120
        case .aVR: -150
        case .aVL: -30
        case .aVF: 90
        default: nil
        }
    }
}

import ECGModel
import Foundation

/// Every signal-format decoder, through the public reader: the first bytes choose the format,
/// signal count, samples per frame, skew, byte offset and whether the sample count is declared;
/// the rest is the signal file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignal(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzBytes(data, size)
    let formats = [8, 16, 24, 32, 61, 80, 160, 212, 310, 311, 508, 516, 524]
    let format = formats[Int(input.byte()) % formats.count]
    let signalCount = 1 + Int(input.byte()) % 4
    let shape = input.byte()
    let samplesPerFrame = 1 + Int(shape & 3)
    let skew = Int(shape >> 2 & 3)
    let offset = Int(shape >> 4 & 3) * 3
    let declared = input.uint16()
    let declaresCount = shape & 0x40 != 0 || format >= 500
    var header = "fuzz \(signalCount) 250" + (declaresCount ? " \(declared)" : "") + "\n"
    for s in 0..<signalCount {
        let spf = s == 0 ? "x\(samplesPerFrame)" : ""
        let sk = skew > 0 ? ":\(skew)" : ""
        let off = offset > 0 ? "+\(offset)" : ""
        header += "fuzz.dat \(format)\(spf)\(sk)\(off) 200/mV 12 0 0 \(s * 7) 0 S\(s)\n"
    }
    let directory = scratchDirectory
    let headerURL = directory.appendingPathComponent("fuzz.hea")
    do {
        try Data(header.utf8).write(to: headerURL)
        try Data(input.rest).write(to: directory.appendingPathComponent("fuzz.dat"))
    } catch {
        fatalError("cannot write the scratch files: \(error)")
    }
    if let record = try? WFDBRecord.read(from: headerURL, limits: fuzzLimits) {
        let ecg = record.ecgRecord()
        precondition(ecg.leads.count == signalCount, "a read record lost signals")
        _ = record.warnings
    }
    return 0
}

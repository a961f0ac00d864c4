/// A signal(5) storage format: how digital samples are laid out in a signal file.
///
/// The sample stream of a file is the frames one after another, each frame holding every
/// signal's samples of that frame in header order. Each format decodes that stream; the
/// bit-packed ones (212, 310, 311) pack consecutive stream samples regardless of signal.
enum SignalFormat: Sendable, Equatable {
    /// 8-bit first differences (format 8).
    case difference8
    /// Little-endian two's complement of 16, 24 or 32 bits (formats 16, 24, 32).
    case littleEndian16, littleEndian24, littleEndian32
    /// Big-endian 16-bit (format 61).
    case bigEndian16
    /// Offset binary: 8 bits minus 128 (format 80), 16 bits minus 32768 (format 160).
    case offset8, offset16
    /// Two 12-bit samples in three bytes (format 212).
    case packed212
    /// Three 10-bit samples in two little-endian 16-bit words (format 310).
    case packed310
    /// Three 10-bit samples in one little-endian 32-bit word (format 311).
    case packed311
    /// FLAC-compressed 8, 16 or 24 bits (formats 508, 516, 524).
    case flac(bits: Int)

    init?(number: Int) {
        switch number {
        case 8: self = .difference8
        case 16: self = .littleEndian16
        case 24: self = .littleEndian24
        case 32: self = .littleEndian32
        case 61: self = .bigEndian16
        case 80: self = .offset8
        case 160: self = .offset16
        case 212: self = .packed212
        case 310: self = .packed310
        case 311: self = .packed311
        case 508: self = .flac(bits: 8)
        case 516: self = .flac(bits: 16)
        case 524: self = .flac(bits: 24)
        default: return nil
        }
    }

    /// The digital value wfdb reserves for "no valid sample" in this format. Format 8 stores
    /// differences and has none; its padding (past the end, skew) uses `Int32.min`.
    var invalidSample: Int32 {
        switch self {
        case .difference8: Int32.min
        case .offset8: -128
        case .packed310, .packed311: -512
        case .packed212: -2048
        case .littleEndian16, .bigEndian16, .offset16: -32768
        case .littleEndian24: -8_388_608
        case .littleEndian32: Int32.min
        case .flac(let bits): bits == 8 ? -128 : bits == 16 ? -32768 : -8_388_608
        }
    }

    var isFLAC: Bool {
        if case .flac = self { return true }
        return false
    }

    /// Bytes that `count` consecutive stream samples occupy (trailing partial groups included).
    func byteCount(samples count: Int) -> Int {
        switch self {
        case .difference8, .offset8: return count
        case .littleEndian16, .bigEndian16, .offset16: return 2 * count
        case .littleEndian24: return 3 * count
        case .littleEndian32: return 4 * count
        case .packed212: return (count / 2) * 3 + (count % 2) * 2
        case .packed310: return (count / 3) * 4 + [0, 2, 4][count % 3]
        case .packed311: return (count / 3) * 4 + [0, 2, 3][count % 3]
        case .flac: return 0
        }
    }

    /// Whole stream samples that `bytes` bytes hold.
    func sampleCount(bytes: Int) -> Int {
        switch self {
        case .difference8, .offset8: return bytes
        case .littleEndian16, .bigEndian16, .offset16: return bytes / 2
        case .littleEndian24: return bytes / 3
        case .littleEndian32: return bytes / 4
        case .packed212: return (bytes / 3) * 2 + (bytes % 3 >= 2 ? 1 : 0)
        case .packed310: return (bytes / 4) * 3 + (bytes % 4 >= 2 ? 1 : 0)
        case .packed311: return (bytes / 4) * 3 + (bytes % 4 >= 3 ? 2 : bytes % 4 >= 2 ? 1 : 0)
        case .flac: return 0
        }
    }

    /// Bytes per sample as wfdb-python's `BYTES_PER_SAMPLE`, used to infer a missing length.
    var bytesPerSampleForInference: Double {
        switch self {
        case .difference8, .offset8: 1
        case .littleEndian16, .bigEndian16, .offset16: 2
        case .littleEndian24: 3
        case .littleEndian32: 4
        case .packed212: 1.5
        case .packed310, .packed311: 4.0 / 3.0
        case .flac(let bits): Double(bits / 8)
        }
    }

    /// Decodes `count` stream samples from `bytes` (which holds at least
    /// `byteCount(samples: count)` bytes) into `output`. Format 8 yields the raw differences;
    /// the caller accumulates them per signal.
    func decode(_ bytes: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Int32>) {
        switch self {
        case .difference8, .offset8, .littleEndian16, .bigEndian16, .offset16, .littleEndian24, .littleEndian32:
            decodeWholeBytes(bytes, count: count, into: output)
        case .packed212: decode212(bytes, count: count, into: output)
        case .packed310: decode310(bytes, count: count, into: output)
        case .packed311: decode311(bytes, count: count, into: output)
        case .flac: break
        }
    }
}

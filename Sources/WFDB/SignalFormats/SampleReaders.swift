/// Random access to the n-th sample of a signal file's stream, one type per format, so that a
/// channel can be read straight out of the file's bytes without an interleaved intermediate.
/// Callers guarantee the bytes hold every sample they ask for.
protocol SampleReader {
    var bytes: UnsafePointer<UInt8> { get }
    func sample(_ s: Int) -> Int32
}

struct Difference8Reader: SampleReader {
    let bytes: UnsafePointer<UInt8>
    @inline(__always) func sample(_ s: Int) -> Int32 { Int32(Int8(bitPattern: bytes[s])) }
}

struct Offset8Reader: SampleReader {
    let bytes: UnsafePointer<UInt8>
    @inline(__always) func sample(_ s: Int) -> Int32 { Int32(bytes[s]) &- 128 }
}

struct LittleEndian16Reader: SampleReader {
    let bytes: UnsafePointer<UInt8>
    @inline(__always) func sample(_ s: Int) -> Int32 {
        Int32(Int16(bitPattern: UInt16(bytes[2 &* s]) | UInt16(bytes[2 &* s &+ 1]) << 8))
    }
}

struct BigEndian16Reader: SampleReader {
    let bytes: UnsafePointer<UInt8>
    @inline(__always) func sample(_ s: Int) -> Int32 {
        Int32(Int16(bitPattern: UInt16(bytes[2 &* s]) << 8 | UInt16(bytes[2 &* s &+ 1])))
    }
}

struct Offset16Reader: SampleReader {
    let bytes: UnsafePointer<UInt8>
    @inline(__always) func sample(_ s: Int) -> Int32 {
        Int32(UInt16(bytes[2 &* s]) | UInt16(bytes[2 &* s &+ 1]) << 8) &- 32768
    }
}

struct LittleEndian24Reader: SampleReader {
    let bytes: UnsafePointer<UInt8>
    @inline(__always) func sample(_ s: Int) -> Int32 {
        let b = bytes + 3 &* s
        return Int32(bitPattern: (UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16) << 8) >> 8
    }
}

struct LittleEndian32Reader: SampleReader {
    let bytes: UnsafePointer<UInt8>
    @inline(__always) func sample(_ s: Int) -> Int32 {
        let b = bytes + 4 &* s
        return Int32(bitPattern: UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24)
    }
}

/// Format 212: sample 2p in the low nibble of byte 1 and byte 0; sample 2p+1 in the high
/// nibble of byte 1 and byte 2.
struct Packed212Reader: SampleReader {
    let bytes: UnsafePointer<UInt8>
    @inline(__always) func sample(_ s: Int) -> Int32 {
        let b = bytes + 3 &* (s >> 1)
        let raw: UInt32 = s & 1 == 0
            ? UInt32(b[0]) | (UInt32(b[1]) & 0x0F) << 8
            : UInt32(b[2]) | (UInt32(b[1]) & 0xF0) << 4
        return Int32(bitPattern: raw << 20) >> 20
    }
}

/// Format 310: samples 3g and 3g+1 in bits 1-10 of two little-endian words; sample 3g+2
/// from the top five bits of each word.
struct Packed310Reader: SampleReader {
    let bytes: UnsafePointer<UInt8>
    @inline(__always) func sample(_ s: Int) -> Int32 {
        let group = s / 3
        let b = bytes + 4 &* group
        let raw: UInt32
        switch s &- 3 &* group {
        case 0: raw = (UInt32(b[0]) | UInt32(b[1]) << 8) >> 1
        case 1: raw = (UInt32(b[2]) | UInt32(b[3]) << 8) >> 1
        default:
            let w0 = UInt32(b[0]) | UInt32(b[1]) << 8, w1 = UInt32(b[2]) | UInt32(b[3]) << 8
            raw = (w0 >> 11) & 0x1F | ((w1 >> 11) & 0x1F) << 5
        }
        return Int32(bitPattern: (raw & 0x3FF) << 22) >> 22
    }
}

/// Format 311: three 10-bit samples in bits 0-9, 10-19, 20-29 of a little-endian word.
struct Packed311Reader: SampleReader {
    let bytes: UnsafePointer<UInt8>
    @inline(__always) func sample(_ s: Int) -> Int32 {
        let group = s / 3
        let b = bytes + 4 &* group
        let raw: UInt32
        switch s &- 3 &* group {
        case 0: raw = UInt32(b[0]) | UInt32(b[1]) << 8
        case 1: raw = (UInt32(b[1]) | UInt32(b[2]) << 8) >> 2
        default: raw = (UInt32(b[2]) | UInt32(b[3]) << 8) >> 4
        }
        return Int32(bitPattern: (raw & 0x3FF) << 22) >> 22
    }
}

extension SignalFormat {
    /// One channel's samples (every sample of each of `frames` frames) read straight from the
    /// file's bytes, with their sum (whose low 16 bits are the header checksum).
    func channel(from bytes: UnsafePointer<UInt8>, frames: Int, frameSize: Int, offset: Int,
                 samplesPerFrame spf: Int) -> ([Int32], Int) {
        switch self {
        case .difference8: return Self.channel(Difference8Reader(bytes: bytes), frames, frameSize, offset, spf)
        case .offset8: return Self.channel(Offset8Reader(bytes: bytes), frames, frameSize, offset, spf)
        case .littleEndian16: return Self.channel(LittleEndian16Reader(bytes: bytes), frames, frameSize, offset, spf)
        case .bigEndian16: return Self.channel(BigEndian16Reader(bytes: bytes), frames, frameSize, offset, spf)
        case .offset16: return Self.channel(Offset16Reader(bytes: bytes), frames, frameSize, offset, spf)
        case .littleEndian24: return Self.channel(LittleEndian24Reader(bytes: bytes), frames, frameSize, offset, spf)
        case .littleEndian32: return Self.channel(LittleEndian32Reader(bytes: bytes), frames, frameSize, offset, spf)
        case .packed212: return Self.channel(Packed212Reader(bytes: bytes), frames, frameSize, offset, spf)
        case .packed310: return Self.channel(Packed310Reader(bytes: bytes), frames, frameSize, offset, spf)
        case .packed311: return Self.channel(Packed311Reader(bytes: bytes), frames, frameSize, offset, spf)
        case .flac: return ([], 0)
        }
    }

    @inline(__always)
    static func channel<R: SampleReader>(_ reader: R, _ frames: Int, _ frameSize: Int, _ offset: Int,
                                         _ spf: Int) -> ([Int32], Int) {
        let count = frames &* spf
        var total = 0
        let values = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            guard let dst = out.baseAddress else { initialized = 0; return }
            var sum = 0
            if spf == 1 {
                var s = offset
                for i in 0..<count {
                    let v = reader.sample(s)
                    dst[i] = v
                    sum &+= Int(v)
                    s &+= frameSize
                }
            } else {
                var i = 0
                for f in 0..<frames {
                    let base = f &* frameSize &+ offset
                    for j in 0..<spf {
                        let v = reader.sample(base &+ j)
                        dst[i] = v
                        sum &+= Int(v)
                        i &+= 1
                    }
                }
            }
            total = sum
            initialized = count
        }
        return (values, total)
    }
}

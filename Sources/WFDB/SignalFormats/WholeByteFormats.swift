/// Formats whose samples each occupy whole bytes: 8, 80, 16, 61, 160, 24, 32.
extension SignalFormat {
    func decodeWholeBytes(_ bytes: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Int32>) {
        guard count > 0, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        switch self {
        case .difference8:
            for i in 0..<count { output[i] = Int32(Int8(bitPattern: base[i])) }
        case .offset8:
            for i in 0..<count { output[i] = Int32(base[i]) - 128 }
        case .littleEndian16:
            for i in 0..<count {
                output[i] = Int32(Int16(bitPattern: UInt16(base[2 * i]) | UInt16(base[2 * i + 1]) << 8))
            }
        case .bigEndian16:
            for i in 0..<count {
                output[i] = Int32(Int16(bitPattern: UInt16(base[2 * i]) << 8 | UInt16(base[2 * i + 1])))
            }
        case .offset16:
            for i in 0..<count {
                output[i] = Int32(UInt16(base[2 * i]) | UInt16(base[2 * i + 1]) << 8) - 32768
            }
        case .littleEndian24:
            for i in 0..<count {
                let raw = UInt32(base[3 * i]) | UInt32(base[3 * i + 1]) << 8 | UInt32(base[3 * i + 2]) << 16
                output[i] = Int32(bitPattern: raw << 8) >> 8
            }
        case .littleEndian32:
            for i in 0..<count {
                output[i] = Int32(bitPattern: UInt32(base[4 * i]) | UInt32(base[4 * i + 1]) << 8
                    | UInt32(base[4 * i + 2]) << 16 | UInt32(base[4 * i + 3]) << 24)
            }
        default:
            break
        }
    }
}

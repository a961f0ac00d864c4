import Foundation
import CFLAC
import ECGModel

/// Decodes the FLAC signal files of formats 508, 516 and 524 through libFLAC.
///
/// WFDB stores each signal of a FLAC file as one FLAC channel, with a signal's samples of a
/// frame consecutive in its channel; every signal in a FLAC file therefore has the same
/// samples per frame. The decoded samples are returned in the order a binary signal file
/// would hold them, so that the common deinterleaving code applies.
enum FLACSignalFile {
    struct Decoded {
        var stream: [Int32]
        var frames: Int
    }

    /// Collects decoded blocks; reached from libFLAC's C callbacks through `client_data`.
    final class Sink {
        let expectedChannels: Int
        let maximumBits: Int
        let skip: Int
        let wanted: Int
        let limit: Int
        var channels: [[Int32]]
        var skipped = 0
        var failure: String?

        init(expectedChannels: Int, maximumBits: Int, skip: Int, wanted: Int, limit: Int) {
            self.expectedChannels = expectedChannels
            self.maximumBits = maximumBits
            self.skip = skip
            self.wanted = wanted
            self.limit = limit
            channels = Array(repeating: [], count: expectedChannels)
        }

        var collected: Int { channels.first?.count ?? 0 }

        func streamInfo(channels count: Int, bits: Int, totalSamples: UInt64) {
            if count != expectedChannels {
                failure = "has \(count) channels, the header gives \(expectedChannels) signals for it"
            } else if bits > maximumBits {
                failure = "holds \(bits)-bit samples, format allows \(maximumBits)"
            } else if totalSamples > 0, totalSamples > UInt64(limit / max(1, count)) {
                failure = "holds \(totalSamples) samples per channel, over the read limit"
            } else if totalSamples > 0 {
                let reserve = min(Int(totalSamples), wanted + skip)
                for c in 0..<count { self.channels[c].reserveCapacity(reserve) }
            }
        }

        /// Returns false to stop decoding.
        func append(_ buffer: UnsafePointer<UnsafePointer<Int32>?>, channels count: Int, blockSize: Int) -> Bool {
            guard failure == nil else { return false }
            guard count == expectedChannels else {
                failure = "a block has \(count) channels, expected \(expectedChannels)"
                return false
            }
            var start = 0
            if skipped < skip {
                start = min(blockSize, skip - skipped)
                skipped += start
            }
            let take = min(blockSize - start, wanted - collected)
            if take > 0 {
                for c in 0..<count {
                    guard let samples = buffer[c] else { failure = "missing channel data"; return false }
                    channels[c].append(contentsOf: UnsafeBufferPointer(start: samples + start, count: take))
                }
            }
            return collected < wanted
        }
    }

    /// Decodes `url`, which must hold `channels` channels, skipping `sampleOffset` samples per
    /// channel (wfdb's byte offset means a sample offset for FLAC) and keeping at most
    /// `maximumFrames` frames.
    static func decode(url: URL, channels: Int, samplesPerFrame: [Int], format: Int, sampleOffset: Int,
                       maximumFrames: Int, limits: ReadLimits) throws -> Decoded {
        guard let spf = samplesPerFrame.first, samplesPerFrame.allSatisfy({ $0 == spf }) else {
            throw WFDBError(.unsupportedFormat, file: url.path,
                            "signals of one FLAC file must share samples per frame (got \(samplesPerFrame))")
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw WFDBError(.missingFile, file: url.path, "signal file not found")
        }
        let wanted = maximumFrames * spf
        let sink = Sink(expectedChannels: channels, maximumBits: format - 500, skip: sampleOffset,
                        wanted: wanted, limit: limits.maximumTotalSamples)
        guard let decoder = FLAC__stream_decoder_new() else {
            throw WFDBError(.flac, file: url.path, "libFLAC could not create a decoder")
        }
        defer { FLAC__stream_decoder_delete(decoder) }
        let client = Unmanaged.passUnretained(sink).toOpaque()
        let initStatus = FLAC__stream_decoder_init_file(decoder, url.path, flacWrite, flacMetadata, flacError, client)
        guard initStatus == FLAC__STREAM_DECODER_INIT_STATUS_OK else {
            throw WFDBError(.flac, file: url.path, "libFLAC cannot open the file (init status \(initStatus.rawValue))")
        }
        let finished = FLAC__stream_decoder_process_until_end_of_stream(decoder) != 0
        let state = FLAC__stream_decoder_get_state(decoder)
        FLAC__stream_decoder_finish(decoder)
        withExtendedLifetime(sink) {}
        if let failure = sink.failure {
            throw WFDBError(.flac, file: url.path, failure)
        }
        if !finished && sink.collected < wanted {
            throw WFDBError(.flac, file: url.path, "not a valid FLAC stream (decoder state \(state.rawValue))")
        }
        let frames = sink.collected / spf
        let frameSize = channels * spf
        let count = frames * frameSize
        let stream = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            for c in 0..<channels {
                sink.channels[c].withUnsafeBufferPointer { input in
                    for f in 0..<frames {
                        for k in 0..<spf { out[f * frameSize + c * spf + k] = input[f * spf + k] }
                    }
                }
            }
            initialized = count
        }
        return Decoded(stream: stream, frames: frames)
    }
}

private func flacWrite(_ decoder: UnsafePointer<FLAC__StreamDecoder>?, _ frame: UnsafePointer<FLAC__Frame>?,
                       _ buffer: UnsafePointer<UnsafePointer<FLAC__int32>?>?,
                       _ client: UnsafeMutableRawPointer?) -> FLAC__StreamDecoderWriteStatus {
    guard let frame, let buffer, let client else { return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT }
    let sink = Unmanaged<FLACSignalFile.Sink>.fromOpaque(client).takeUnretainedValue()
    let keepGoing = sink.append(buffer, channels: Int(frame.pointee.header.channels),
                                blockSize: Int(frame.pointee.header.blocksize))
    return keepGoing ? FLAC__STREAM_DECODER_WRITE_STATUS_CONTINUE : FLAC__STREAM_DECODER_WRITE_STATUS_ABORT
}

private func flacMetadata(_ decoder: UnsafePointer<FLAC__StreamDecoder>?, _ metadata: UnsafePointer<FLAC__StreamMetadata>?,
                          _ client: UnsafeMutableRawPointer?) {
    guard let metadata, let client, metadata.pointee.type == FLAC__METADATA_TYPE_STREAMINFO else { return }
    let sink = Unmanaged<FLACSignalFile.Sink>.fromOpaque(client).takeUnretainedValue()
    let info = metadata.pointee.data.stream_info
    sink.streamInfo(channels: Int(info.channels), bits: Int(info.bits_per_sample), totalSamples: info.total_samples)
}

private func flacError(_ decoder: UnsafePointer<FLAC__StreamDecoder>?, _ status: FLAC__StreamDecoderErrorStatus,
                       _ client: UnsafeMutableRawPointer?) {
    guard let client else { return }
    let sink = Unmanaged<FLACSignalFile.Sink>.fromOpaque(client).takeUnretainedValue()
    if sink.failure == nil { sink.failure = "libFLAC decoding error (status \(status.rawValue))" }
}

import Testing
@testable import Drivers

/// Fixtures: anchors.md part (d), "MH-Z19B / MH-Z19C". Frame B (400 ppm) and the 5001 ppm
/// frame were checksummed by hand: 0x100 − (sum of bytes 1…7 mod 256).
struct MHZ19Tests {
    static let frameA = "ff 86 02 60 47 00 00 00 d1"
    static let frameB = "ff 86 01 90 47 00 00 00 a2"

    @Test(arguments: [
        (MHZ19Command.readConcentration, "ff 01 86 00 00 00 00 00 79"),
        (.calibrateZeroPoint, "ff 01 87 00 00 00 00 00 78"),
        (.automaticBaselineCorrection(enabled: true), "ff 01 79 a0 00 00 00 00 e6"),
        (.automaticBaselineCorrection(enabled: false), "ff 01 79 00 00 00 00 00 86"),
        (.detectionRange(ppm: 5000), "ff 01 99 00 00 00 13 88 cb"),
    ])
    func commandFrames(command: MHZ19Command, hex: String) throws {
        #expect(command.bytes == (try hexBytes(hex)))
    }

    @Test func goldenFrame() throws {
        let frame = try MHZ19Frame(frame: hexBytes(Self.frameA)[...])
        #expect(frame == MHZ19Frame(concentration: 608, temperature: 31))
        #expect(try frame.measurements() == [MeasuredValue(field: "co2", value: 608, unit: .partsPerMillion)])
    }

    @Test func concentrationAboveTheDetectionRangeIsRefused() throws {
        let frame = try MHZ19Frame(frame: hexBytes("ff 86 13 89 47 00 00 00 97")[...])
        #expect(frame.concentration == 5001)
        #expect(driverError { try frame.measurements() } == .implausibleValue(sensor: .mhz19, field: "co2", value: 5001, limit: 0...5000))
        #expect(try frame.measurements(detectionRange: 10_000).first?.value == 5001)
    }

    @Test(arguments: [
        ("ff 86 02 60 47 00 00 00 d0", DriverError.badChecksum(sensor: .mhz19, expected: 0xD1, actual: 0xD0)),
        ("ff 86 02 60 47 00 00 00", .truncated(sensor: .mhz19, expected: 9, got: 8)),
        ("ff 01 86 00 00 00 00 00 79", .malformed(sensor: .mhz19, reason: "frame does not start with FF 86")),
    ])
    func badFramesAreRefused(hex: String, expected: DriverError) throws {
        let bytes = try hexBytes(hex)
        #expect(driverError { try MHZ19Frame(frame: bytes[...]) } == expected)
    }

    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var chunks: [String]
        /// Feed one byte at a time instead of chunk by chunk.
        var byteByByte = false
        var concentrations: [Int]
        var rejected: Int
        var discarded: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Scenario(name: "one frame", chunks: [frameA], concentrations: [608], rejected: 0, discarded: 0),
        Scenario(name: "garbage before a frame", chunks: ["00 13 37 ff", frameA], concentrations: [608], rejected: 0, discarded: 4),
        Scenario(name: "two frames glued together", chunks: [frameA + " " + frameB], concentrations: [608, 400], rejected: 0, discarded: 0),
        Scenario(name: "frames split byte by byte", chunks: [frameA, frameB], byteByByte: true, concentrations: [608, 400], rejected: 0, discarded: 0),
        // The rest of the bad frame (8 bytes) holds no header and is dropped.
        Scenario(name: "bad checksum, then a good frame", chunks: ["ff 86 02 60 47 00 00 00 d0", frameB], concentrations: [400], rejected: 1, discarded: 8),
        // Five bytes of a cut frame, then a whole one: the candidate spans both and fails its
        // checksum; the search resumes inside it and finds the good frame.
        Scenario(name: "partial frame, then a good frame", chunks: ["ff 86 02 60 47", frameB], concentrations: [400], rejected: 1, discarded: 4),
        Scenario(name: "header pattern inside garbage", chunks: ["ff 86 00", frameA], concentrations: [608], rejected: 1, discarded: 2),
        Scenario(name: "garbage only", chunks: [String(repeating: "00 ", count: 99) + "ff"], concentrations: [], rejected: 0, discarded: 99),
    ])
    func framerResynchronises(scenario: Scenario) throws {
        var framer = StreamFramer<MHZ19Frame>()
        var results: [Result<MHZ19Frame, DriverError>] = []
        for chunk in scenario.chunks {
            let bytes = try hexBytes(chunk)
            if scenario.byteByByte {
                for byte in bytes {
                    results += framer.feed([byte])
                }
            } else {
                results += framer.feed(bytes)
            }
        }
        let frames = results.compactMap { try? $0.get() }
        #expect(frames.map(\.concentration) == scenario.concentrations)
        #expect(framer.framesDecoded == scenario.concentrations.count)
        #expect(framer.framesRejected == scenario.rejected)
        #expect(framer.bytesDiscarded == scenario.discarded)
        for case let .failure(error) in results {
            guard case .badChecksum(.mhz19, _, _) = error else {
                Issue.record("rejected for \(error), expected a bad checksum")
                continue
            }
        }
    }
}

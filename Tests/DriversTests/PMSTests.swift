import Testing
@testable import Drivers

/// Fixtures: anchors.md part (d), "PMS5003 / PMS7003". Frame B is the anchors' frame with
/// atmospheric PM2.5 changed to 0x20 (32 µg/m³) and its sum recomputed (0x02D8).
struct PMSTests {
    static let frameA = "42 4d 00 1c 00 0c 00 12 00 14 00 0c 00 12 00 14 08 34 02 6c 00 6e 00 09 00 02 00 01 97 00 02 ca"
    static let frameB = "42 4d 00 1c 00 0c 00 12 00 14 00 0c 00 20 00 14 08 34 02 6c 00 6e 00 09 00 02 00 01 97 00 02 d8"

    @Test func goldenFrame() throws {
        let frame = try PMSFrame(frame: hexBytes(Self.frameA)[...])
        #expect(frame.standard == PMSMassConcentration(pm1_0: 12, pm2_5: 18, pm10: 20))
        #expect(frame.atmospheric == PMSMassConcentration(pm1_0: 12, pm2_5: 18, pm10: 20))
        #expect(frame.particleCounts == [2100, 620, 110, 9, 2, 1])
        #expect(frame.version == 0x97 && frame.errorCode == 0)
        let values = frame.measurements
        #expect(values.first == MeasuredValue(field: "pm1_0", value: 12, unit: .microgramsPerCubicMetre))
        #expect(values.first { $0.field == "pm2_5" }?.value == 18)
        #expect(values.last == MeasuredValue(field: "particles_10um", value: 1, unit: .particlesPerDecilitre))
        #expect(values.count == 12)
    }

    @Test(arguments: [
        (PMSCommand.passiveMode, "42 4d e1 00 00 01 70"),
        (.activeMode, "42 4d e1 00 01 01 71"),
        (.readPassive, "42 4d e2 00 00 01 71"),
        (.sleep, "42 4d e4 00 00 01 73"),
        (.wake, "42 4d e4 00 01 01 74"),
    ])
    func commandFrames(command: PMSCommand, hex: String) throws {
        #expect(command.bytes == (try hexBytes(hex)))
    }

    @Test func badChecksumNamesBothSums() throws {
        var bytes = try hexBytes(Self.frameA)
        bytes[31] = 0xCB
        #expect(driverError { try PMSFrame(frame: bytes[...]) } == .badChecksum(sensor: .pms5003, expected: 0x02CA, actual: 0x02CB))
        #expect(driverError { try PMSFrame(frame: bytes[..<31]) } == .truncated(sensor: .pms5003, expected: 32, got: 31))
        #expect(driverError { try PMSFrame.frameLength(prefix: bytes[..<3]) } == .truncated(sensor: .pms5003, expected: 4, got: 3))
    }

    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var chunks: [String]
        var byteByByte = false
        /// Atmospheric PM2.5 of each decoded frame.
        var pm2_5: [Int]
        var rejected: Int
        var discarded: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Scenario(name: "one frame", chunks: [frameA], pm2_5: [18], rejected: 0, discarded: 0),
        Scenario(name: "garbage before a frame", chunks: ["00 42 00 4d", frameA], pm2_5: [18], rejected: 0, discarded: 4),
        Scenario(name: "two frames glued together", chunks: [frameA + " " + frameB], pm2_5: [18, 32], rejected: 0, discarded: 0),
        Scenario(name: "frames split byte by byte", chunks: [frameA, frameB], byteByByte: true, pm2_5: [18, 32], rejected: 0, discarded: 0),
        // The rest of the bad frame (31 bytes) holds no header and is dropped.
        Scenario(name: "bad checksum, then a good frame", chunks: [String(frameA.dropLast(2)) + "cb", frameB], pm2_5: [32], rejected: 1, discarded: 31),
        // Ten bytes of a cut frame, then a whole one.
        Scenario(name: "partial frame, then a good frame", chunks: [String(frameA.prefix(29)), frameB], pm2_5: [32], rejected: 1, discarded: 9),
        // A header with a length the sensor never sends is rejected without waiting for 32 bytes.
        Scenario(name: "impossible length field", chunks: ["42 4d 00 1d", frameA], pm2_5: [18], rejected: 1, discarded: 3),
    ])
    func framerResynchronises(scenario: Scenario) throws {
        var framer = StreamFramer<PMSFrame>()
        var results: [Result<PMSFrame, DriverError>] = []
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
        #expect(results.compactMap { try? $0.get().atmospheric.pm2_5 } == scenario.pm2_5)
        #expect(framer.framesDecoded == scenario.pm2_5.count)
        #expect(framer.framesRejected == scenario.rejected)
        #expect(framer.bytesDiscarded == scenario.discarded)
    }
}

import Drivers
import Simulators

/// The byte streams the `drivers` suite decodes: each UART protocol's frames, built by the
/// simulators, back to back, with varying values so that no two neighbours are equal.
struct DriversBenchmarkCorpus {
    let frameCount: Int
    let mhz19: [UInt8]
    let pms: [UInt8]
    let lineProtocol: [UInt8]
    let nmea: [UInt8]
    /// Modbus answers are cut by the request, not by a framer: each answer alone.
    let modbusAnswers: [[UInt8]]

    init(frameCount: Int, modbusBlock: ModbusReadBlock) {
        self.frameCount = frameCount
        mhz19 = (0..<frameCount).flatMap { SimulatedMHZ19.frame(co2: 400 + $0 % 4000, temperature: 15 + $0 % 20) }
        pms = (0..<frameCount).flatMap { index in
            var values = SimulatedPMS.Values.indoor
            values.atmospheric.pm2_5 = index % 500
            return SimulatedPMS.frame(values)
        }
        lineProtocol = (0..<frameCount).flatMap { index in
            Array("T=\(Double(index % 600) / 10 - 20);H=\(index % 100)\r\n".utf8)
        }
        // GGA and RMC alternate: one frame is one sentence.
        nmea = (0..<frameCount).flatMap { index in
            let fix = SimulatedNMEAReceiver.Fix(
                latitude: 48 + Double(index % 1000) / 10_000, longitude: 11.5, altitude: 500 + Double(index % 50))
            let body = index % 2 == 0 ? SimulatedNMEAReceiver.gga(fix) : SimulatedNMEAReceiver.rmc(fix)
            return Array(SimulatedNMEAReceiver.sentence(body).utf8)
        }
        let (unit, count): (UInt8, Int)
        switch modbusBlock.request {
        case let .readInputRegisters(requestUnit, _, requestCount), let .readHoldingRegisters(requestUnit, _, requestCount):
            (unit, count) = (requestUnit, Int(requestCount))
        default:
            (unit, count) = (1, 0)
        }
        modbusAnswers = (0..<frameCount).map { index in
            let words = (0..<count).map { UInt16(truncatingIfNeeded: 0x4366 &+ index &+ $0) }
            let payload = words.flatMap { [UInt8($0 >> 8), UInt8(truncatingIfNeeded: $0)] }
            return CRC16Modbus.appending(to: [unit, modbusBlock.request.functionCode, UInt8(payload.count)] + payload)
        }
    }

    /// `bytes` in chunks of 64, as a serial port delivers them at speed.
    static func chunks(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        stride(from: 0, to: bytes.count, by: 64).map { bytes[$0..<min($0 + 64, bytes.count)] }
    }
}

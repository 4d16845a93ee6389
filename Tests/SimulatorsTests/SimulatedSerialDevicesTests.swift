import Drivers
import Hardware
import Testing

@testable import Simulators

/// The serial simulators' frames against the project's decoders, and one exchange over the
/// pseudo-terminal through `LinuxSerialPort`.
@Suite(.timeLimit(.minutes(1)))
struct SimulatedSerialDevicesTests {
    @Test func mhz19FramesDecode() throws {
        let frame = try MHZ19Frame(frame: SimulatedMHZ19.frame(co2: 1234, temperature: 23)[...])
        #expect(frame == MHZ19Frame(concentration: 1234, temperature: 23))
    }

    @Test func pmsFramesDecode() throws {
        let frame = try PMSFrame(frame: SimulatedPMS.frame(.indoor)[...])
        #expect(frame.atmospheric == SimulatedPMS.Values.indoor.atmospheric)
        #expect(frame.particleCounts == SimulatedPMS.Values.indoor.particleCounts)
    }

    @Test func nmeaSentencesDecode() throws {
        let fix = SimulatedNMEAReceiver.Fix(latitude: -33.8688, longitude: 151.2093, altitude: 58, speed: 2, course: 270)
        let gga = try GGASentence(line: SimulatedNMEAReceiver.sentence(SimulatedNMEAReceiver.gga(fix)))
        #expect(abs((gga.latitude ?? 0) + 33.8688) < 1e-6 && abs((gga.longitude ?? 0) - 151.2093) < 1e-6)
        let rmc = try RMCSentence(line: SimulatedNMEAReceiver.sentence(SimulatedNMEAReceiver.rmc(fix)))
        #expect(rmc.isValid && rmc.course == 270)
        #expect(throws: DriverError.self) {
            try NMEASentence(line: SimulatedNMEAReceiver.sentence(SimulatedNMEAReceiver.gga(fix), checksumOffset: 1))
        }
    }

    @Test func nmeaFieldsHaveTheirFixedWidths() {
        let fix = SimulatedNMEAReceiver.Fix(latitude: -33.8688, longitude: 151.2093, altitude: 58, speed: 2, course: 270)
        #expect(SimulatedNMEAReceiver.gga(fix) == "GPGGA,123519.00,3352.128000,S,15112.558000,E,1,08,0.9,58.0,M,46.9,M,,")
        #expect(SimulatedNMEAReceiver.rmc(fix) == "GPRMC,123519.00,A,3352.128000,S,15112.558000,E,3.888,270.0,230394,,")
        #expect(SimulatedNMEAReceiver.coordinate(5.5, degreeDigits: 3, hemispheres: ("E", "W")) == "00530.000000,E")
        #expect(SimulatedNMEAReceiver.sentence("AB") == "$AB*03\r\n")
    }

    @Test func theModbusUnitAnswersAReadOverThePseudoTerminal() async throws {
        let unit = try SimulatedModbusUnit(unit: 3)
        unit.setRegisters([0x1234, 0xABCD], at: 0x10, table: .holding)
        let port = try await LinuxSerialPort.open(path: unit.path)
        let request = ModbusRequest.readHoldingRegisters(unit: 3, start: 0x10, count: 2)
        try await port.write(try request.frame())
        var answer: [UInt8] = []
        for try await chunk in port.received {
            answer += chunk
            if answer.count >= request.responseLength { break }
        }
        #expect(try ModbusResponse(frame: answer, answering: request) == .registers([0x1234, 0xABCD]))
        #expect(unit.requestsAnswered == 1)
        await port.close()
    }

    @Test func unpluggingHangsThePortUp() async throws {
        let sensor = try SimulatedMHZ19()
        let port = try await LinuxSerialPort.open(path: sensor.path)
        sensor.unplug()
        do {
            for try await _ in port.received {}
            Issue.record("the port ended without an error")
        } catch let error as SerialPortError {
            #expect(error == .gone(path: sensor.path))
        }
        await port.close()
    }
}

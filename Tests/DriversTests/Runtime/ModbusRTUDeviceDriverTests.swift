import Drivers
import Hardware
import Simulators
import Testing

/// The catalog's SDM120 register map against a simulated Modbus unit on a pseudo-terminal.
@Suite(.timeLimit(.minutes(1)))
struct ModbusRTUDeviceDriverTests {
    let meter: SimulatedModbusUnit
    let buses = SimulatedBusProvider(sysfsDirectory: "/nonexistent")
    let clock = ManualClock()
    let model: DeviceModel

    init() throws {
        model = try catalogModel("sdm120-modbus")
        meter = try SimulatedModbusUnit(model: model)
        buses.attach(meter, at: "/dev/ttyUSB0")
    }

    func driver(unit: Int? = nil) async throws -> any DeviceDriver {
        try await DeviceDriverFactory.make(
            model: model, attachment: DeviceAttachment(port: "/dev/ttyUSB0", address: unit), buses: buses, clock: clock)
    }

    @Test func aSampleReadsEveryRegisterBlock() async throws {
        #expect(meter.set("voltage", to: 230.5))
        #expect(meter.set("frequency", to: 50.0))
        #expect(meter.set("total_energy", to: 1234.5))
        let driver = try await driver()
        let readings = try await driver.sample()
        #expect(number("voltage", in: readings) == 230.5)
        #expect(number("frequency", in: readings) == 50)
        #expect(number("total_energy", in: readings) == 1234.5)
        // The holding register of the writable parameter is read too.
        #expect(readings.count == model.fields.count + model.parameters.count)
        await driver.stop()
    }

    @Test func aWritableParameterIsWrittenWithFunction16() async throws {
        let driver = try await driver()
        try await driver.write(.number(30), to: "demand_period")
        #expect(meter.value(of: "demand_period") == 30)
        await driver.stop()
    }

    @Test func aWriteOutsideTheRangeIsRefusedBeforeTheBus() async throws {
        let driver = try await driver()
        let answered = meter.requestsAnswered
        guard case .refused(.invalidSetting(sensor: .modbus, setting: "demand_period", _))? =
            await driverFailure({ try await driver.write(.number(61), to: "demand_period") })
        else {
            Issue.record("61 min outside 0…60 was not refused")
            return
        }
        #expect(meter.requestsAnswered == answered)
        #expect(meter.value(of: "demand_period") == 0)
        await driver.stop()
    }

    @Test func aBadCRCIsRefused() async throws {
        let driver = try await driver()
        meter.fault = .badChecksum
        guard case .refused(.badChecksum(sensor: .modbus, _, _))? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("an answer with a bad CRC was not refused")
            return
        }
        await driver.stop()
    }

    @Test func silenceAndAnotherUnitAreTimeouts() async throws {
        meter.fault = .silent
        let silent = try await driver()
        #expect(await sampleAdvancing(silent, clock: clock, by: .seconds(1)).failure == .timeout(.seconds(1)))
        await silent.stop()
        meter.fault = .none
        let elsewhere = try await driver(unit: 7)
        #expect(await sampleAdvancing(elsewhere, clock: clock, by: .seconds(1)).failure == .timeout(.seconds(1)))
        await elsewhere.stop()
    }

    @Test func aMissingRegisterIsAnException() async throws {
        let unit = try SimulatedModbusUnit(unit: 1)
        unit.setRegisters([0x4366, 0x8000], at: 0, table: .input)
        buses.attach(unit, at: "/dev/ttyUSB1")
        let driver = try await DeviceDriverFactory.make(
            model: model, attachment: DeviceAttachment(port: "/dev/ttyUSB1"), buses: buses, clock: clock)
        guard case .refused(.modbusException(unit: 1, function: 4, code: .illegalDataAddress))? =
            await driverFailure({ try await driver.sample() })
        else {
            Issue.record("a read of registers the unit lacks was not an exception")
            return
        }
        await driver.stop()
    }

    @Test func garbageThenAValidAnswerReads() async throws {
        let driver = try await driver()
        // Set first: an answer to the timed-out request may still come, and must agree.
        #expect(meter.set("voltage", to: 229))
        meter.fault = .garbage
        #expect(await sampleAdvancing(driver, clock: clock, by: .seconds(1)).failure != nil)
        meter.fault = .none
        #expect(number("voltage", in: try await driver.sample()) == 229)
        await driver.stop()
    }
}

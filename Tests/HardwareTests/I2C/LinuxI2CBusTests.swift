import Glibc
import Testing

@testable import Hardware

/// Our I2C code against the kernel's i2c-stub in the test VM: SMBus register reads and
/// writes of every width, a BME280's chip id and calibration block preloaded by i2c-tools
/// (scripts/lib/hardware-tests-in-vm), and the faults. Serialized: every byte transaction
/// moves a stub chip's register pointer, which "receive byte" reads at, so another test's
/// transaction between a "send byte" and its "receive byte" would change what that reads.
@Suite(.enabled(if: VirtualHardware.i2cStub != nil, VirtualHardware.skipReason), .serialized,
       .timeLimit(.minutes(1)))
struct LinuxI2CBusTests {
    let stub: (bus: Int, addresses: [Int])
    /// What scripts/lib/hardware-tests-in-vm writes to 0x88…0xA1 of the stub chip at 0x76:
    /// a BME280 calibration block (dig_T1 = 27504, dig_T2 = 26435, dig_T3 = -1000, …, dig_H1 = 75).
    static let calibration: [UInt8] = [
        0x70, 0x6B, 0x43, 0x67, 0x18, 0xFC, 0x7D, 0x8E, 0x41, 0xD6, 0xD0, 0x0B, 0x27,
        0x0B, 0x8C, 0x00, 0xF9, 0xFF, 0x8C, 0x3C, 0xF8, 0xC6, 0x70, 0x17, 0x00, 0x4B,
    ]

    init() throws {
        stub = try #require(VirtualHardware.i2cStub)
    }

    @Test func findsTheStubByAdapterNameAndReportsWhatItCanDo() async throws {
        let bus = try LinuxI2CBus.open(adapterNamed: "SMBus stub driver")
        #expect(bus.number == stub.bus)
        #expect(bus.path == "/dev/i2c-\(stub.bus)")
        #expect(bus.adapterName == "SMBus stub driver")
        #expect(bus.functionality.isSuperset(of: [.readByteData, .writeByteData, .readWordData, .readI2CBlock]))
        // No I2C_RDWR and no PEC: LinuxI2CBusPECTests and LinuxI2CBusCombinedTransferTests use gw-i2c-sim.
        #expect(!bus.functionality.contains(.plainI2C))
        #expect(!bus.functionality.contains(.packetErrorChecking))
        await bus.close()
    }

    @Test(.enabled(if: VirtualHardware.i2cStubPreload == "bme280@0x76", "needs the BME280 preload of scripts/lib/hardware-tests-in-vm"))
    func readsABME280sChipIdAndCalibrationPreloadedByI2cTools() async throws {
        let bus = try LinuxI2CBus.open(number: stub.bus)
        let bme280 = try bus.device(0x76)
        #expect(try await bme280.readByte(register: 0xD0) == 0x60)
        #expect(try await bme280.readBlock(register: 0x88, count: 26) == Self.calibration)
        #expect(try await bme280.readBlock(register: 0x88, count: 2) == [0x70, 0x6B])
        await bus.close()
    }

    @Test func writesAndReadsBytesWordsAndBlocks() async throws {
        let bus = try LinuxI2CBus.open(number: stub.bus)
        let sht3x = try bus.device(0x44)
        // i2c-stub keeps one word per register.
        try await sht3x.expectByteAndWordRoundTrip(byteRegister: 0x10, wordRegister: 0x20)
        let block: [UInt8] = Array(1...32)
        try await sht3x.writeBlock(block, register: 0x40)
        #expect(try await sht3x.readBlock(register: 0x40, count: 32) == block)
        // "Receive byte" reads at the chip's current pointer, which the stub advances.
        _ = try await sht3x.receiveByte()
        try await sht3x.sendByte(0x40)
        #expect(try await sht3x.receiveByte() == 1)
        await bus.close()
    }

    @Test func anAddressWhereNothingAnswersIsReportedAsSuch() async throws {
        let bus = try LinuxI2CBus.open(number: stub.bus)
        let absent = try #require(I2CAddress(0x50))
        try #require(!stub.addresses.contains(0x50))
        await #expect(throws: I2CError.noAnswer(bus: bus.path, address: absent)) {
            try await I2CDevice(bus: bus, address: absent).readByte(register: 0x00)
        }
        let description = I2CError.noAnswer(bus: bus.path, address: absent).description
        #expect(description.contains("0x50"))
        await bus.close()
    }

    @Test func refusesWhatTheAdapterCannotDoBeforeSendingIt() async throws {
        let bus = try LinuxI2CBus.open(number: stub.bus)
        let bme280 = try bus.device(0x76)
        await #expect(throws: I2CError.unsupported(bus: bus.path, operation: "combined I2C transfer (I2C_RDWR)")) {
            try await bme280.transfer([.write([0xD0]), .read(count: 1)])
        }
        let withPEC = I2CDevice(bus: bus, address: bme280.address, packetErrorChecking: true)
        await #expect(throws: I2CError.unsupported(bus: bus.path, operation: "SMBus packet error checking (PEC)")) {
            try await withPEC.readByte(register: 0xD0)
        }
        await #expect(throws: I2CError.invalidTransaction(bus: bus.path, reason: "a block read of 33 bytes (1…32)")) {
            try await bme280.readBlock(register: 0x88, count: 33)
        }
        await bus.close()
    }

    @Test func devicesOnOneBusShareItOneTransactionAtATime() async throws {
        let bus = try LinuxI2CBus.open(number: stub.bus)
        let first = try bus.device(0x44)
        let second = try bus.device(0x48)
        // Each transaction selects its address first; interleaved, a read would hit the
        // other chip's register and see the other value.
        try await first.writeByte(0x11, register: 0x70)
        try await second.writeByte(0x22, register: 0x70)
        try await withThrowingTaskGroup(of: (Int, UInt8).self) { group in
            for index in 0..<40 {
                let device = index.isMultiple(of: 2) ? first : second
                group.addTask { (index, try await device.readByte(register: 0x70)) }
            }
            for try await (index, value) in group {
                #expect(value == (index.isMultiple(of: 2) ? 0x11 : 0x22))
            }
        }
        await bus.close()
    }

    @Test func aClosedBusRefusesTransactions() async throws {
        let bus = try LinuxI2CBus.open(number: stub.bus)
        await bus.close()
        await #expect(throws: I2CError.closed(bus: bus.path)) {
            try await bus.device(0x76).readByte(register: 0xD0)
        }
    }

    @Test(.enabled(if: UnprivilegedThread.unavailableReason == nil, "changing the file-system user id needs root"))
    func permissionDeniedSaysWhatToChange() throws {
        let number = stub.bus
        let error = try UnprivilegedThread.run { () -> I2CError? in
            do throws(I2CError) {
                _ = try LinuxI2CBus.open(number: number)
                return nil
            } catch {
                return error
            }
        }
        guard case .permissionDenied(let denial) = error else {
            Issue.record("expected permission denied, got \(String(describing: error))")
            return
        }
        #expect(denial.groupToJoin == "i2c")
        #expect(denial.description.contains("SUBSYSTEM==\"i2c-dev\""))
    }
}

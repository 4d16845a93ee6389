import Testing

@testable import Hardware

/// Combined transfers (`I2C_RDWR`: messages joined by repeated starts) through our I2C code,
/// on the test VM's gw-i2c-sim, an adapter with plain I2C — which i2c-stub lacks. Its plain
/// device stores a write [register, data…] from the register on and reads from its register
/// pointer on.
@Suite(.enabled(if: VirtualHardware.i2cSimulatorBus != nil, VirtualHardware.skipReason), .timeLimit(.minutes(1)))
struct LinuxI2CBusCombinedTransferTests {
    let bus: LinuxI2CBus

    init() throws {
        bus = try LinuxI2CBus.open(number: try #require(VirtualHardware.i2cSimulatorBus))
    }

    @Test func findsTheSimulatorByAdapterNameAndReportsPlainI2CAndPEC() async throws {
        let named = try LinuxI2CBus.open(adapterNamed: I2CSimulator.adapterName)
        #expect(named.number == bus.number)
        #expect(named.adapterName == I2CSimulator.adapterName)
        #expect(named.functionality.isSuperset(of: [
            .plainI2C, .packetErrorChecking, .readByteData, .readWordData, .readSMBusBlock, .writeSMBusBlock,
            .readI2CBlock, .writeI2CBlock,
        ]))
        await named.close()
        await bus.close()
    }

    @Test func aWriteThenARepeatedStartReadReturnsTheRegisters() async throws {
        let device = try bus.device(I2CSimulator.plain)
        #expect(try await device.transfer([.write([0x60, 0x11, 0x22, 0x33, 0x44])]) == [])
        #expect(try await device.transfer([.write([0x60]), .read(count: 4)]) == [0x11, 0x22, 0x33, 0x44])
        // Reads and writes interleaved: each read's bytes land in their place in the result.
        #expect(try await device.transfer([.write([0x60]), .read(count: 1), .read(count: 2)]) == [0x11, 0x22, 0x33])
        #expect(try await device.transfer([.write([0x63]), .read(count: 1), .write([0x61]), .read(count: 1)])
            == [0x44, 0x22])
        // The SMBus path reads what the combined transfer wrote.
        #expect(try await device.readBlock(register: 0x60, count: 4) == [0x11, 0x22, 0x33, 0x44])
        await bus.close()
    }

    /// An SMBus block carries its count on the wire; a combined transfer reads the bytes as
    /// they lie in the device.
    @Test func anSMBusBlockWriteSendsItsCount() async throws {
        let device = try bus.device(I2CSimulator.plain)
        try await device.writeSMBusBlock([0xC0, 0xFF, 0xEE], register: 0x70)
        #expect(try await device.transfer([.write([0x70]), .read(count: 4)]) == [3, 0xC0, 0xFF, 0xEE])
        #expect(try await device.readSMBusBlock(register: 0x70) == [0xC0, 0xFF, 0xEE])
        await bus.close()
    }

    @Test func aCombinedTransferToAnAbsentAddressIsNoAnswer() async throws {
        let absent = try bus.device(I2CSimulator.absent)
        await #expect(throws: I2CError.noAnswer(bus: bus.path, address: absent.address)) {
            try await absent.transfer([.write([0x00]), .read(count: 1)])
        }
        await bus.close()
    }
}

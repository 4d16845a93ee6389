import Glibc
import Testing

@testable import Hardware

/// SMBus packet error checking through our I2C code, on a real kernel bus: the test VM's
/// gw-i2c-sim, whose devices compute PEC on their own, so a PEC the kernel adds or checks
/// must agree with an independent one. Serialized: "receive byte" reads at a register
/// pointer that another test's transactions would move.
@Suite(.enabled(if: VirtualHardware.i2cSimulatorBus != nil, VirtualHardware.skipReason), .serialized,
       .timeLimit(.minutes(1)))
struct LinuxI2CBusPECTests {
    let bus: LinuxI2CBus

    init() throws {
        bus = try LinuxI2CBus.open(number: try #require(VirtualHardware.i2cSimulatorBus))
    }

    /// Every one of these fails without PEC on the wire: the device takes the last byte of
    /// a write for its PEC, and sends a PEC byte after what it reads.
    @Test func bytesWordsAndSMBusBlocksTravelWithPEC() async throws {
        let device = try bus.device(I2CSimulator.withPEC, packetErrorChecking: true)
        try await device.expectByteAndWordRoundTrip(byteRegister: 0x10, wordRegister: 0x20)
        let block: [UInt8] = Array(1...32)
        try await device.writeSMBusBlock(block, register: 0x40)
        #expect(try await device.readSMBusBlock(register: 0x40) == block)
        try await device.writeSMBusBlock([0xC0, 0xFF, 0xEE], register: 0x40)
        #expect(try await device.readSMBusBlock(register: 0x40) == [0xC0, 0xFF, 0xEE])
        // "Send byte" sets the register pointer, "receive byte" reads there: the low byte of 0xBEEF.
        try await device.sendByte(0x20)
        #expect(try await device.receiveByte() == 0xEF)
        await bus.close()
    }

    @Test func aWrongPECIsItsOwnError() async throws {
        let device = try bus.device(I2CSimulator.withWrongPEC, packetErrorChecking: true)
        let expected = I2CError.packetErrorCheckFailed(bus: bus.path, address: device.address)
        await #expect(throws: expected) { try await device.readByte(register: 0x00) }
        await #expect(throws: expected) { try await device.readWord(register: 0x00) }
        await #expect(throws: expected) { try await device.receiveByte() }
        #expect(expected.description.contains("PEC byte from 0x59"))
        await bus.close()
    }

    @Test func aDeviceThatInsistsOnPECRefusesAWriteWithout() async throws {
        let withPEC = try bus.device(I2CSimulator.withPEC, packetErrorChecking: true)
        let withoutPEC = try bus.device(I2CSimulator.withPEC)
        try await withPEC.writeByte(0x11, register: 0x50)
        // Sent as [0x50, 0x5A]: the device reads 0x5A as the PEC, where the right one is 0xF8.
        await #expect(throws: I2CError.transferFailed(bus: bus.path, address: withPEC.address, SystemErrorCode(EIO))) {
            try await withoutPEC.writeByte(0x5A, register: 0x50)
        }
        #expect(try await withPEC.readByte(register: 0x50) == 0x11)
        await bus.close()
    }

    /// PEC is a setting of the open bus in the kernel (`I2C_PEC`); it must not carry over
    /// from one device's transaction to the next device's.
    @Test func pecStaysWithTheDeviceThatAskedForIt() async throws {
        let withPEC = try bus.device(I2CSimulator.withPEC, packetErrorChecking: true)
        let plain = try bus.device(I2CSimulator.plain)
        try await plain.writeWord(0x0000, register: 0x90)
        try await withPEC.writeByte(0x22, register: 0x90)
        // A PEC byte carried over would land in register 0x91.
        try await plain.writeByte(0xAB, register: 0x90)
        #expect(try await plain.readWord(register: 0x90) == 0x00AB)
        await bus.close()
    }

    @Test func anI2CBlockWithPECIsRefusedBeforeItIsSent() async throws {
        let device = try bus.device(I2CSimulator.withPEC, packetErrorChecking: true)
        await #expect(throws: I2CError.invalidTransaction(
            bus: bus.path, reason: "an I2C block read carries no PEC; use an SMBus block transfer")
        ) {
            try await device.readBlock(register: 0x40, count: 3)
        }
        await #expect(throws: I2CError.invalidTransaction(
            bus: bus.path, reason: "an I2C block write carries no PEC; use an SMBus block transfer")
        ) {
            try await device.writeBlock([1, 2, 3], register: 0x40)
        }
        await bus.close()
    }
}

import Testing

@testable import Hardware

/// What `I2CDevice` adds to a bus: typed results, and an error rather than a crash when a
/// bus (a simulator, say) returns the wrong number of bytes.
@Suite struct I2CDeviceTests {
    /// A bus that answers every transaction with the same bytes.
    private struct FixedAnswerBus: I2CBus {
        let answer: [UInt8]
        var name: String { "fixed-answer bus" }

        func perform(_ transaction: I2CTransaction, at address: I2CAddress, packetErrorChecking: Bool)
            async throws(I2CError) -> [UInt8]
        {
            answer
        }
    }

    @Test func aWordIsLowByteFirst() async throws {
        let device = I2CDevice(bus: FixedAnswerBus(answer: [0x70, 0x6B]), address: try #require(I2CAddress(0x76)))
        #expect(try await device.readWord(register: 0x88) == 0x6B70)
    }

    @Test func tooFewBytesAreAnErrorNamingTheBusAndAddress() async throws {
        let address = try #require(I2CAddress(0x76))
        let device = I2CDevice(bus: FixedAnswerBus(answer: []), address: address)
        await #expect(throws: I2CError.unexpectedLength(bus: "fixed-answer bus", address: address, expected: 1...1, received: 0)) {
            try await device.readByte(register: 0xD0)
        }
    }

    @Test func anSMBusBlockIsAsLongAsTheDeviceSaysUpTo32Bytes() async throws {
        let address = try #require(I2CAddress(0x0B))
        let block: [UInt8] = Array(1...32)
        let fits = I2CDevice(bus: FixedAnswerBus(answer: block), address: address)
        #expect(try await fits.readSMBusBlock(register: 0x20) == block)
        let tooLong = I2CDevice(bus: FixedAnswerBus(answer: block + [33]), address: address)
        let error = I2CError.unexpectedLength(bus: "fixed-answer bus", address: address, expected: 0...32, received: 33)
        await #expect(throws: error) {
            try await tooLong.readSMBusBlock(register: 0x20)
        }
        #expect(error.description == "0x0b on fixed-answer bus returned 33 bytes, expected 0…32")
    }
}

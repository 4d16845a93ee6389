import Testing

@testable import Hardware

extension I2CDevice {
    /// Writes 0xA5 to one register and the word 0xBEEF to another (SMBus sends it low byte
    /// first) and expects both back, as any register-file device keeps them.
    func expectByteAndWordRoundTrip(byteRegister: UInt8, wordRegister: UInt8) async throws {
        try await writeByte(0xA5, register: byteRegister)
        #expect(try await readByte(register: byteRegister) == 0xA5)
        try await writeWord(0xBEEF, register: wordRegister)
        #expect(try await readWord(register: wordRegister) == 0xBEEF)
    }
}

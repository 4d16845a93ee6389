/// One device on an I2C bus: its address, whether it uses SMBus packet error checking, and
/// the operations a driver calls, with typed results.
public struct I2CDevice: Sendable {
    public let bus: any I2CBus
    public let address: I2CAddress
    public let packetErrorChecking: Bool

    public init(bus: any I2CBus, address: I2CAddress, packetErrorChecking: Bool = false) {
        self.bus = bus
        self.address = address
        self.packetErrorChecking = packetErrorChecking
    }

    public func receiveByte() async throws(I2CError) -> UInt8 {
        try await perform(.receiveByte)[0]
    }

    public func sendByte(_ value: UInt8) async throws(I2CError) {
        _ = try await perform(.sendByte(value))
    }

    public func readByte(register: UInt8) async throws(I2CError) -> UInt8 {
        try await perform(.readByte(register: register))[0]
    }

    public func writeByte(_ value: UInt8, register: UInt8) async throws(I2CError) {
        _ = try await perform(.writeByte(register: register, value: value))
    }

    /// The SMBus word at a register: the first byte on the wire is the low byte.
    public func readWord(register: UInt8) async throws(I2CError) -> UInt16 {
        let bytes = try await perform(.readWord(register: register))
        return UInt16(bytes[0]) | UInt16(bytes[1]) << 8
    }

    public func writeWord(_ value: UInt16, register: UInt8) async throws(I2CError) {
        _ = try await perform(.writeWord(register: register, value: value))
    }

    /// `count` (1…32) bytes starting at a register: an I2C block read, which packet error
    /// checking cannot cover.
    public func readBlock(register: UInt8, count: Int) async throws(I2CError) -> [UInt8] {
        try await perform(.readBlock(register: register, count: count))
    }

    /// Up to 32 bytes starting at a register: an I2C block write, without packet error checking.
    public func writeBlock(_ bytes: [UInt8], register: UInt8) async throws(I2CError) {
        _ = try await perform(.writeBlock(register: register, bytes: bytes))
    }

    /// The SMBus block at a register, as long as the device says (up to 32 bytes); packet
    /// error checking covers it.
    public func readSMBusBlock(register: UInt8) async throws(I2CError) -> [UInt8] {
        try await perform(.readSMBusBlock(register: register))
    }

    /// Up to 32 bytes as an SMBus block, which carries its count; packet error checking covers it.
    public func writeSMBusBlock(_ bytes: [UInt8], register: UInt8) async throws(I2CError) {
        _ = try await perform(.writeSMBusBlock(register: register, bytes: bytes))
    }

    /// Messages joined by repeated starts; returns the bytes of the read messages in order.
    public func transfer(_ messages: [I2CMessage]) async throws(I2CError) -> [UInt8] {
        try await perform(.combined(messages))
    }

    /// Runs the transaction and checks the length of what came back, so the typed
    /// operations above can index it — a simulator that returns too little is an error,
    /// not a crash.
    private func perform(_ transaction: I2CTransaction) async throws(I2CError) -> [UInt8] {
        let bytes = try await bus.perform(transaction, at: address, packetErrorChecking: packetErrorChecking)
        guard transaction.expectedResultLengths.contains(bytes.count) else {
            throw .unexpectedLength(
                bus: bus.name, address: address, expected: transaction.expectedResultLengths, received: bytes.count)
        }
        return bytes
    }
}

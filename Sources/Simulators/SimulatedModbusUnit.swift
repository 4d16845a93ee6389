import Drivers

/// A Modbus RTU unit on a pseudo-terminal: answers function 3 and 4 reads and function 6 and
/// 16 writes from its input and holding register tables, with CRC-16, ignoring requests for
/// other units and requests with a bad CRC, and answering an exception for registers it does
/// not have (illegal data address) or functions it does not know (illegal function).
public final class SimulatedModbusUnit: SimulatedSerialDevice {
    private struct State {
        var unit: UInt8
        var registers: [ModbusRegister.Table: [UInt16: UInt16]] = [.input: [:], .holding: [:]]
        var namedRegisters: [String: ModbusRegister] = [:]
        var fault = SerialFault.none
        var received: [UInt8] = []
        var requestsAnswered = 0
    }

    public let link: SimulatedSerialLink
    private let state: SimulatorState<State>

    public init(unit: UInt8 = 1) throws(PseudoTerminalError) {
        let state = SimulatorState(State(unit: unit))
        self.state = state
        link = try SimulatedSerialLink { bytes in state.withLock { Self.receive(bytes, state: &$0) } }
    }

    /// A unit with every register of a `modbus_rtu` model, all zero, addressable by name.
    public convenience init(model: DeviceModel, unit: UInt8? = nil) throws {
        let map = try ModbusRegisterMapDriver(model: model, unit: unit).map
        try self.init(unit: map.unit)
        state.withLock { state in
            for register in map.registers {
                state.namedRegisters[register.name] = register
                for offset in 0..<register.registerCount {
                    state.registers[register.table, default: [:]][register.address + UInt16(offset)] = 0
                }
            }
            // The registers a read spans between wanted ones exist on the meter too.
            for block in map.readBlocks {
                let (table, start, count): (ModbusRegister.Table, UInt16, UInt16)
                switch block.request {
                case let .readInputRegisters(_, first, length): (table, start, count) = (.input, first, length)
                case let .readHoldingRegisters(_, first, length): (table, start, count) = (.holding, first, length)
                default: continue
                }
                for address in start..<(start + count) where state.registers[table]?[address] == nil {
                    state.registers[table, default: [:]][address] = 0
                }
            }
        }
    }

    public var fault: SerialFault {
        get { state.withLock { $0.fault } }
        set { state.withLock { $0.fault = newValue } }
    }

    /// Requests answered, exceptions included.
    public var requestsAnswered: Int { state.withLock { $0.requestsAnswered } }

    /// Stores words from `address` on, creating the registers.
    public func setRegisters(_ words: [UInt16], at address: UInt16, table: ModbusRegister.Table) {
        state.withLock { state in
            for (offset, word) in words.enumerated() {
                state.registers[table, default: [:]][address + UInt16(offset)] = word
            }
        }
    }

    /// The words from `address` on; `nil` where a register does not exist.
    public func registers(at address: UInt16, count: Int, table: ModbusRegister.Table) -> [UInt16]? {
        state.withLock { state in
            let words = (0..<count).compactMap { state.registers[table]?[address + UInt16($0)] }
            return words.count == count ? words : nil
        }
    }

    /// Sets the model register `name` to `value`, encoded in its format (type, order, scale).
    /// `false` when there is no such register or the value does not fit it.
    @discardableResult
    public func set(_ name: String, to value: Double) -> Bool {
        guard let register = state.withLock({ $0.namedRegisters[name] }), let words = register.format.encode(value) else {
            return false
        }
        setRegisters(words, at: register.address, table: register.table)
        return true
    }

    /// The model register `name` decoded, as the gateway last wrote it or `set` put it.
    public func value(of name: String) -> Double? {
        guard let register = state.withLock({ $0.namedRegisters[name] }),
            let words = registers(at: register.address, count: register.registerCount, table: register.table)
        else { return nil }
        return try? register.format.decode(words)
    }

    /// Cuts requests out of what arrived: 8 bytes for functions 3, 4 and 6; for 16, 7 plus
    /// the byte count plus the CRC. Bytes that start no request of this unit are dropped.
    private static func receive(_ bytes: [UInt8], state: inout State) -> [UInt8] {
        state.received += bytes
        var reply: [UInt8] = []
        while state.received.count >= 8 {
            let length = state.received[1] == 0x10 ? 9 + Int(state.received[6]) : 8
            guard state.received.count >= length else { break }
            let request = Array(state.received.prefix(length))
            let crc = UInt16(request[length - 2]) | UInt16(request[length - 1]) << 8
            guard CRC16Modbus.checksum(request.prefix(length - 2)) == crc else {
                state.received.removeFirst()
                continue
            }
            state.received.removeFirst(length)
            guard request[0] == state.unit else { continue }
            state.requestsAnswered += 1
            let answer = CRC16Modbus.appending(to: Self.answer(request, state: &state))
            var corrupted = answer
            corrupted[corrupted.count - 1] ^= 0xFF
            reply += state.fault.applied(to: answer, corrupted: corrupted, garbage: [0x00, 0xFF, 0x13, 0x37])
        }
        return reply
    }

    /// The response PDU (unit first, CRC not yet appended).
    private static func answer(_ request: [UInt8], state: inout State) -> [UInt8] {
        let unit = request[0]
        let function = request[1]
        let address = UInt16(request[2]) << 8 | UInt16(request[3])
        let value = UInt16(request[4]) << 8 | UInt16(request[5])
        func exception(_ code: ModbusExceptionCode) -> [UInt8] { [unit, function | 0x80, code.rawValue] }
        switch function {
        case 0x03, 0x04:
            let table: ModbusRegister.Table = function == 0x03 ? .holding : .input
            let words = (0..<Int(value)).compactMap { state.registers[table]?[address + UInt16($0)] }
            guard (1...125).contains(value), words.count == Int(value) else { return exception(.illegalDataAddress) }
            return [unit, function, UInt8(words.count * 2)] + words.flatMap { [UInt8($0 >> 8), UInt8(truncatingIfNeeded: $0)] }
        case 0x06:
            guard state.registers[.holding]?[address] != nil else { return exception(.illegalDataAddress) }
            state.registers[.holding]?[address] = value
            return Array(request.prefix(6))
        case 0x10:
            let count = Int(value)
            let words = (0..<count).map { UInt16(request[7 + 2 * $0]) << 8 | UInt16(request[8 + 2 * $0]) }
            guard (0..<count).allSatisfy({ state.registers[.holding]?[address + UInt16($0)] != nil }) else {
                return exception(.illegalDataAddress)
            }
            for (offset, word) in words.enumerated() {
                state.registers[.holding]?[address + UInt16(offset)] = word
            }
            return Array(request.prefix(6))
        default:
            return exception(.illegalFunction)
        }
    }
}

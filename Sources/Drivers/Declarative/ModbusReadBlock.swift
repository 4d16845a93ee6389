/// One read request of a register map and the registers its answer holds: contiguous (or
/// nearly, see `max_gap`) registers of one table are read together, so a meter with twelve
/// values costs one or two round trips on a slow RS-485 line, not twelve.
public struct ModbusReadBlock: Sendable, Hashable {
    public var request: ModbusRequest
    public var start: UInt16
    public var registers: [ModbusRegister]

    public init(request: ModbusRequest, start: UInt16, registers: [ModbusRegister]) {
        self.request = request
        self.start = start
        self.registers = registers
    }
}

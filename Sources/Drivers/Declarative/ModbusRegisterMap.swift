/// What a `modbus_rtu` model configures: its registers, the unit to ask, and how reads are
/// grouped into requests.
public struct ModbusRegisterMap: Sendable, Hashable {
    public var registers: [ModbusRegister]
    public var unit: UInt8
    /// Unwanted registers a read may span to join two wanted ones into one request. Some
    /// meters answer "illegal data address" for gaps in their map, so the default is 0.
    public var maximumGap: Int
    /// Registers per read request, at most the protocol's 125.
    public var maximumReadCount: Int

    public init(registers: [ModbusRegister], unit: UInt8, maximumGap: Int = 0, maximumReadCount: Int = 125) {
        self.registers = registers
        self.unit = unit
        self.maximumGap = max(0, maximumGap)
        self.maximumReadCount = min(max(1, maximumReadCount), Int(ModbusRequest.maximumReadCount))
    }

    /// The read requests that fetch every register: registers of one table sorted by address,
    /// joined while the gap between them is at most `maximumGap` and the request stays within
    /// `maximumReadCount`.
    public var readBlocks: [ModbusReadBlock] {
        var blocks: [ModbusReadBlock] = []
        for table in ModbusRegister.Table.allCases {
            var members: [ModbusRegister] = []
            var start = 0
            var end = 0
            for register in registers.filter({ $0.table == table }).sorted(by: { $0.address < $1.address }) {
                let joins = !members.isEmpty && Int(register.address) - end <= maximumGap
                    && max(end, register.endAddress) - start <= maximumReadCount
                if joins {
                    members.append(register)
                    end = max(end, register.endAddress)
                } else {
                    if !members.isEmpty {
                        blocks.append(block(table, start: start, end: end, members))
                    }
                    members = [register]
                    start = Int(register.address)
                    end = register.endAddress
                }
            }
            if !members.isEmpty {
                blocks.append(block(table, start: start, end: end, members))
            }
        }
        return blocks
    }

    private func block(_ table: ModbusRegister.Table, start: Int, end: Int, _ members: [ModbusRegister]) -> ModbusReadBlock {
        let (first, count) = (UInt16(start), UInt16(end - start))
        let request: ModbusRequest =
            switch table {
            case .input: .readInputRegisters(unit: unit, start: first, count: count)
            case .holding: .readHoldingRegisters(unit: unit, start: first, count: count)
            }
        return ModbusReadBlock(request: request, start: first, registers: members)
    }
}

/// One value in a Modbus device's register map: which table and address it is at, how it is
/// encoded, and — for a writable parameter — how it is written.
public struct ModbusRegister: Sendable, Hashable {
    /// The Modbus data model's two register tables.
    public enum Table: String, Sendable, Hashable, CaseIterable {
        /// Read-only, function 0x04.
        case input
        /// Read with 0x03, written with 0x06 or 0x10.
        case holding
    }

    /// How a writable register is written.
    public enum WriteFunction: String, Sendable, Hashable, CaseIterable {
        /// 0x06, one register: only for 16-bit types.
        case single = "6"
        /// 0x10, several registers; some devices accept only this, even for one register.
        case multiple = "16"
    }

    /// The field and/or parameter of the model it holds.
    public var name: String
    public var table: Table
    public var address: UInt16
    public var format: ModbusRegisterFormat
    /// `nil` for registers that are only read.
    public var writeFunction: WriteFunction?
    /// Values a write may give (the parameter's range); others are refused before any frame is sent.
    public var writableRange: ClosedRange<Double>?

    public init(
        name: String,
        table: Table,
        address: UInt16,
        format: ModbusRegisterFormat,
        writeFunction: WriteFunction? = nil,
        writableRange: ClosedRange<Double>? = nil
    ) {
        self.name = name
        self.table = table
        self.address = address
        self.format = format
        self.writeFunction = writeFunction
        self.writableRange = writableRange
    }

    public var registerCount: Int {
        format.type.registerCount
    }

    /// One past the last address it occupies.
    public var endAddress: Int {
        Int(address) + registerCount
    }
}

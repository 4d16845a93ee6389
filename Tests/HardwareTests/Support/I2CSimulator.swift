/// The devices behind gw-i2c-sim, the test VM's I2C adapter with plain I2C (`I2C_RDWR`) and
/// SMBus packet error checking, which i2c-stub lacks. Each is a file of 256 byte registers
/// behind a register pointer; scripts/lib/vm/gw-i2c-sim.c defines them and these addresses.
enum I2CSimulator {
    static let adapterName = "gw-i2c-sim"
    /// No PEC: a write [register, data…] stores from the register on, a read returns the
    /// bytes from the pointer on.
    static let plain = 0x50
    /// SMBus with PEC only: reads end in a PEC byte, writes must end in a correct one.
    static let withPEC = 0x58
    /// Like `withPEC`, but every PEC it sends is wrong.
    static let withWrongPEC = 0x59
    /// Nothing answers here.
    static let absent = 0x51
}

import Glibc
import Testing

/// The simulated hardware of the test VM (scripts/lib/vm/run, scripts/lib/vm/README.md),
/// found through the variables the VM exports; `nil` on a machine without it, where tests
/// that need it are skipped with the reason below.
enum VirtualHardware {
    static let skipReason: Comment =
        "needs gpio-sim, i2c-stub and gw-i2c-sim: run in the test VM (scripts/lib/hardware-tests-in-vm)"

    /// gpio-sim chips by label, with each chip's sysfs directory (`…/gpio-sim.0/gpiochip0`).
    static let gpioSimulator: GPIOSimulator? = {
        guard let chips = environment("GW_GPIOSIM_CHIPS") else { return nil }
        var byLabel: [String: String] = [:]
        for entry in chips.split(separator: " ") {
            let parts = entry.split(separator: "=", maxSplits: 1)
            if parts.count == 2 {
                byLabel[String(parts[0])] = String(parts[1])
            }
        }
        return byLabel.isEmpty ? nil : GPIOSimulator(chips: byLabel, configfs: environment("GW_GPIOSIM_CONFIGFS"))
    }()

    /// The i2c-stub bus number and the addresses where it answers.
    static let i2cStub: (bus: Int, addresses: [Int])? = {
        guard let bus = environment("GW_I2C_STUB_BUS").flatMap({ Int($0) }) else { return nil }
        let addresses = (environment("GW_I2C_STUB_ADDRS") ?? "").split(separator: ",").compactMap {
            Int($0.dropFirst(2), radix: 16)
        }
        return (bus, addresses)
    }()

    /// The bus number of gw-i2c-sim, the VM's adapter with plain I2C and SMBus PEC (see
    /// `I2CSimulator`).
    static let i2cSimulatorBus = environment("GW_I2C_SIM_BUS").flatMap { Int($0) }

    /// What the VM script preloaded into i2c-stub before the tests (see
    /// scripts/lib/hardware-tests-in-vm), such as `bme280@0x76`.
    static let i2cStubPreload = environment("GW_I2C_STUB_PRELOAD")

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}

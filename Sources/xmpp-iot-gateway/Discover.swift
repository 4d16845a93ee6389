import Hardware

struct Discover {
    /// Whether to probe each I2C address for a device.
    let probe: Bool

    func run() async {
        print("Serial ports:")
        // Without udevd there are no by-id links; the names udev would give still work as by_id.
        let byIDNames = SerialByIDName.present()
        for port in (try? UdevDevice.all(.serialPort)) ?? [] where port.deviceNode != nil {
            let identity = [port.vendor, port.product, port.serial.map { "serial \($0)" }].compactMap { $0 }.joined(separator: ", ")
            let link = port.links.first { $0.hasPrefix("/dev/serial/by-id/") }
                ?? byIDNames.first { $0.tty == port.sysName }.map { "\(port.deviceNode ?? port.sysName), by_id \($0.name) (no link: udevd does not run)" }
            print("  \(link ?? port.deviceNode ?? port.sysName)" + (identity.isEmpty ? "" : "  (\(identity))"))
        }
        print("GPIO chips:")
        for chip in (try? GPIOChip.all()) ?? [] {
            print("  \(chip.name) [\(chip.label)] \(chip.lineCount) lines")
            for offset in 0..<chip.lineCount {
                guard let info = try? chip.lineInfo(offset: offset), info.name != nil || info.isUsed else { continue }
                let use = info.isUsed ? " used by \(info.consumer ?? "?")" : ""
                print("    \(offset) \(info.name ?? "-")\(use)")
            }
        }
        print("I2C buses:")
        for adapter in I2CAdapter.all() {
            var line = "  \(adapter)"
            if probe, let bus = try? LinuxI2CBus.open(number: adapter.number) {
                var answering: [String] = []
                for value in 0x03...0x77 {
                    guard let address = I2CAddress(value) else { continue }
                    if (try? await bus.perform(.receiveByte, at: address, packetErrorChecking: false)) != nil {
                        answering.append("0x" + String(value, radix: 16))
                    }
                }
                await bus.close()
                line += answering.isEmpty ? ": nothing answers" : ": " + answering.joined(separator: " ")
            }
            print(line)
        }
        print("1-Wire devices:")
        for device in OneWireDevice.all() { print("  \(device.id)") }
        print("IIO devices:")
        for device in IIODevice.all() {
            print("  \(device.id) \((try? await device.name()) ?? "")")
        }
    }
}

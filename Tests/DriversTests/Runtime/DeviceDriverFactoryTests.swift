import Drivers
import Hardware
import Simulators
import Testing

/// What the factory refuses before touching a bus, and how attachments name buses.
struct DeviceDriverFactoryTests {
    let buses = SimulatedBusProvider(sysfsDirectory: "/nonexistent")

    @Test(arguments: [
        ("mh-z19b", DeviceAttachment(), DeviceAttachmentError.missing("port", bus: "serial")),
        ("gpio-relay", DeviceAttachment(port: "gpiochip0"), .missing("line", bus: "gpio")),
        ("gpio-button", DeviceAttachment(line: "17"), .missing("port", bus: "gpio (a line given by offset)")),
        ("ds18b20", DeviceAttachment(), .missing("port", bus: "w1")),
        ("bme280", DeviceAttachment(address: 0x80), .invalid("address", value: "128", expected: "an I2C address from 0x03 to 0x77")),
        ("sdm120-modbus", DeviceAttachment(port: "/dev/ttyUSB0", address: 248), .invalid("address", value: "248", expected: "a Modbus unit from 1 to 247")),
    ])
    func incompleteAttachmentsAreRefused(model id: String, attachment: DeviceAttachment, expected: DeviceAttachmentError) async throws {
        let model = try catalogModel(id)
        do {
            _ = try await DeviceDriverFactory.make(model: model, attachment: attachment, buses: buses)
            Issue.record("\(id) was made with \(attachment)")
        } catch let error as DeviceAttachmentError {
            #expect(error == expected)
        }
    }

    @Test func aPortNobodySimulatesIsGone() async throws {
        do {
            _ = try await DeviceDriverFactory.make(
                model: try catalogModel("mh-z19b"), attachment: DeviceAttachment(port: "/dev/serial/by-id/nothing"), buses: buses)
            Issue.record("a port that does not exist was opened")
        } catch let error as DeviceDriverError {
            #expect(error == .gone("serial port /dev/serial/by-id/nothing"))
        }
    }

    @Test(arguments: [("1", 1), ("i2c-1", 1), ("/dev/i2c-11", 11), ("bcm2835 (i2c@7e804000)", nil)] as [(String, Int?)])
    func i2cBusNames(name: String, number: Int?) {
        #expect(I2CBusName.number(name) == number)
    }

    @Test(arguments: [
        (DeviceAttachment(line: "GPIO17"), GPIOLineSelector.named("GPIO17", chipLabel: nil)),
        (DeviceAttachment(port: "pinctrl-rp1", line: "GPIO17"), .named("GPIO17", chipLabel: "pinctrl-rp1")),
        (DeviceAttachment(port: "4", line: "17"), .offset(17, chip: "gpiochip4")),
        (DeviceAttachment(port: "/dev/gpiochip0", line: "17"), .offset(17, chip: "/dev/gpiochip0")),
    ])
    func gpioSelectors(attachment: DeviceAttachment, selector: GPIOLineSelector) throws {
        #expect(try attachment.gpioSelector() == selector)
    }
}

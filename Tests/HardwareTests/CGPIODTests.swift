import CGPIOD
import Glibc
import Testing

/// The libgpiod shim as far as it runs without GPIO hardware; real lines are exercised
/// against gpio-sim in the VM. scripts/lib/check-gpiod-v2 builds the other libgpiod API.
@Suite struct CGPIODTests {
    @Test func reportsTheLibgpiodItWasCompiledAgainst() throws {
        // Debian 12 / Pi OS bookworm: "1.6.3" and API 1; Debian 13 / trixie: "2.1.x" and API 2.
        let version = String(cString: cgpiod_library_version())
        let parts = version.split(separator: ".")
        let major = try #require(parts.first.flatMap { Int($0) }, "version \(version)")
        #expect(parts.count >= 2, "version \(version)")
        #expect([1, 2].contains(cgpiod_api_version()))
        #expect(Int(cgpiod_api_version()) == major, "version \(version)")
    }

    @Test func openingAMissingChipGivesENOENT() {
        var chip: OpaquePointer?
        #expect(cgpiod_chip_open("/dev/gpiochip-cgpiod-tests-missing", &chip) == -ENOENT)
        #expect(chip == nil)
    }

    @Test func openingADeviceThatIsNoGPIOChipFails() {
        // libgpiod 1.x says ENOTTY, 2.x ENODEV.
        var chip: OpaquePointer?
        #expect([-ENOTTY, -ENODEV].contains(cgpiod_chip_open("/dev/null", &chip)))
        #expect(chip == nil)
    }

    @Test func refusesMissingHandlesInsteadOfCrashing() {
        var request: OpaquePointer?
        #expect(cgpiod_request_output(nil, 0, "xmpp-iot-gateway", 1, false,
                                      CGPIOD_DRIVE_PUSH_PULL, CGPIOD_BIAS_AS_IS, &request) == -EINVAL)
        #expect(request == nil)
        #expect(cgpiod_request_get_value(nil) == -EINVAL)
        #expect(cgpiod_request_set_value(nil, 1) == -EINVAL)
    }
}

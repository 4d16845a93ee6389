import CGPIOD
import Glibc
import Testing

/// The libgpiod shim as far as it runs without GPIO hardware; real lines are exercised
/// against gpio-sim in the VM. scripts/lib/check-gpiod-v2 builds the shim against both
/// libgpiod APIs, and scripts/lib/hardware-tests-in-vm runs these tests with each.
@Suite struct CGPIODTests {
    /// The libgpiod version the bundle must have been built against, such as `2.3`, set by
    /// scripts/lib/hardware-tests-in-vm: the run meant for 2.x must not quietly test 1.6.
    static let expectedLibrary = VirtualHardware.environment("GW_EXPECT_LIBGPIOD")

    @Test(.enabled(if: CGPIODTests.expectedLibrary != nil, "GW_EXPECT_LIBGPIOD names no libgpiod to expect"))
    func isTheLibgpiodThisRunExpects() throws {
        let expected = try #require(Self.expectedLibrary)
        let major = try #require(expected.split(separator: ".").first.flatMap { Int($0) },
                                 "GW_EXPECT_LIBGPIOD=\(expected) is no libgpiod version")
        #expect(String(cString: cgpiod_library_version()) == expected)
        #expect(Int(cgpiod_api_version()) == major)
    }

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

import Simulators
import CGPIOD
import Glibc
import Testing

@testable import Hardware

/// Our GPIO code driving gpio-sim lines in the test VM: the VM's default chips are
/// `gw-sim-a` (relay0…3, button0, button1, led0, pir0) and `gw-sim-b` (door0, window0,
/// heater0, fan0). The test reads outputs and pulls inputs through gpio-sim's sysfs.
/// The tests run in parallel, so each test that requests a line requests one no other test
/// requests: a line held by one test is busy for all the others.
@Suite(.enabled(if: VirtualHardware.gpioSimulator != nil, VirtualHardware.skipReason), .timeLimit(.minutes(1)))
struct LinuxGPIOTests {
    let simulator: GPIOSimulator

    init() throws {
        simulator = try #require(VirtualHardware.gpioSimulator)
    }

    @Test func findsLinesByNameWithOrWithoutTheChipLabelAndByOffset() throws {
        let relay = try GPIOChip.locate(.named("relay2"))
        #expect(relay.chip.label == "gw-sim-a")
        #expect(relay.offset == 2)
        let door = try GPIOChip.locate(.named("door0", chipLabel: "gw-sim-b"))
        #expect(door.chip.label == "gw-sim-b")
        #expect(door.offset == 0)
        let byOffset = try GPIOChip.locate(.offset(3, chip: "gw-sim-b"))
        #expect(byOffset.chip.offset(ofLineNamed: "fan0") == 3)
        let byName = try GPIOChip.locate(.offset(1, chip: byOffset.chip.name))
        #expect(byName.chip.label == "gw-sim-b")
        let byPath = try GPIOChip.locate(.offset(1, chip: byOffset.chip.path))
        #expect(byPath.chip.label == "gw-sim-b")
    }

    @Test func explainsASelectorThatFindsNothing() throws {
        #expect(throws: GPIOError.self) { try GPIOChip.locate(.named("GPIO17")) }
        do {
            _ = try GPIOChip.locate(.named("relay0", chipLabel: "pinctrl-rp1"))
            Issue.record("found a line on a chip that does not exist")
        } catch {
            guard case .chipNotFound("pinctrl-rp1", let available) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(available.contains { $0.contains("[gw-sim-a]") })
        }
        #expect(throws: GPIOError.offsetOutOfRange(chip: try GPIOChip.locate(.named("door0")).chip.description,
                                                   offset: 9, lineCount: 4)) {
            try GPIOChip.locate(.offset(9, chip: "gw-sim-b"))
        }
    }

    @Test func aChipUnpluggedWhileTheChipsAreListedIsSkipped() throws {
        // A node that has gone by the time it is opened, numbered before the real chip.
        let devices = try TemporaryDirectory()
        let door = try GPIOChip.locate(.named("door0"))
        try devices.link("gpiochip0", to: "/dev/gpiochip-unplugged")
        try devices.link("gpiochip1", to: door.chip.path)
        #expect(try GPIOChip.all(deviceDirectory: devices.path).map(\.label) == ["gw-sim-b"])
        let located = try GPIOChip.locate(.named("door0"), deviceDirectory: devices.path)
        #expect(located.chip.path == "\(devices.path)/gpiochip1" && located.offset == door.offset)
    }

    @Test func anOutputStartsAtItsInitialValueAndFollowsSets() async throws {
        let relay = try LinuxGPIOOutput.request(.named("relay1"), configuration: .init(initialValue: true))
        #expect(try simulator.level(chip: "gw-sim-a", offset: 1) == 1)
        try await relay.set(false)
        #expect(try simulator.level(chip: "gw-sim-a", offset: 1) == 0)
        #expect(try await relay.value() == false)
        let info = try GPIOChip.locate(.named("relay1")).chip.lineInfo(offset: 1)
        #expect(info.consumer == "xmpp-iot-gateway")
        #expect(info.isUsed && info.isOutput)
        await relay.release()
    }

    @Test func anActiveLowOutputIsActiveWhenLow() async throws {
        // A relay board that switches on a low input, requested "off": the pin stays high.
        let relay = try LinuxGPIOOutput.request(
            .named("relay2"), configuration: .init(initialValue: false, activeLow: true))
        #expect(try simulator.level(chip: "gw-sim-a", offset: 2) == 1)
        try await relay.set(true)
        #expect(try simulator.level(chip: "gw-sim-a", offset: 2) == 0)
        let info = try GPIOChip.locate(.named("relay2")).chip.lineInfo(offset: 2)
        #expect(info.activeLow)
        await relay.release()
    }

    @Test func openDrainAndOpenSourceOutputsDriveTheirOneLevel() async throws {
        // gpio-sim has no open-drain hardware, so gpiolib emulates the floating level by
        // turning the line into an input, which gpio-sim's `value` does not show. So the
        // test checks the level each drive does drive, and the kernel's record of the drive.
        let heater = try LinuxGPIOOutput.request(
            .named("heater0"), configuration: .init(initialValue: true, drive: .openDrain))
        try await heater.set(false)
        #expect(try simulator.level(chip: "gw-sim-b", offset: 2) == 0)
        let fan = try LinuxGPIOOutput.request(
            .named("fan0"), configuration: .init(initialValue: false, drive: .openSource))
        try await fan.set(true)
        #expect(try simulator.level(chip: "gw-sim-b", offset: 3) == 1)
        let chip = try GPIOChip.locate(.named("heater0")).chip
        #expect(try chip.lineInfo(offset: 2).drive == .openDrain)
        #expect(try chip.lineInfo(offset: 3).drive == .openSource)
        await heater.release()
        await fan.release()
    }

    @Test func aLineHeldByAnotherConsumerIsRefusedNamingTheConsumer() async throws {
        let other = try LinuxGPIOOutput.request(.named("led0"), consumer: "other-daemon")
        do {
            _ = try LinuxGPIOOutput.request(.named("led0"))
            Issue.record("requested a line someone else holds")
        } catch {
            #expect(error == .lineBusy(line: "\(try GPIOChip.locate(.named("led0")).chip.name) line 6 (led0)",
                                       consumer: "other-daemon"))
            #expect(error.description.contains("\"other-daemon\""))
        }
        await other.release()
    }

    @Test func anInputReadsItsLevelAndReportsEdgesWithKernelTimestamps() async throws {
        try simulator.pull(chip: "gw-sim-a", offset: 4, up: false)
        let button = try LinuxGPIOInput.request(.named("button0"), configuration: .init(edges: .both))
        #expect(try await button.value() == false)
        var edges = button.edges.makeAsyncIterator()
        let before = Self.monotonicNow()
        try simulator.pull(chip: "gw-sim-a", offset: 4, up: true)
        let rising = try #require(try await edges.next())
        try simulator.pull(chip: "gw-sim-a", offset: 4, up: false)
        let falling = try #require(try await edges.next())
        let after = Self.monotonicNow()
        #expect(rising.edge == .rising)
        #expect(falling.edge == .falling)
        #expect(before <= rising.timestamp && rising.timestamp <= falling.timestamp && falling.timestamp <= after)
        #expect(button.debouncing == .none)
        await button.release()
        #expect(try await edges.next() == nil)
        #expect(try GPIOChip.locate(.named("button0")).chip.lineInfo(offset: 4).isUsed == false)
    }

    @Test func anActiveLowInputIsActiveWhenPulledLow() async throws {
        try simulator.pull(chip: "gw-sim-b", offset: 1, up: false)
        let window = try LinuxGPIOInput.request(.named("window0"), configuration: .init(activeLow: true))
        #expect(try await window.value() == true)
        try simulator.pull(chip: "gw-sim-b", offset: 1, up: true)
        #expect(try await window.value() == false)
        await window.release()
    }

    @Test func debouncesInTheKernelOrElseInSoftware() async throws {
        try simulator.pull(chip: "gw-sim-a", offset: 7, up: false)
        let clock = ManualClock()
        let pir = try LinuxGPIOInput.request(
            .named("pir0"), configuration: .init(edges: .rising, debounce: .milliseconds(20)), clock: clock)
        #expect(pir.debouncing == (cgpiod_api_version() == 1 ? .software : .kernel))
        var edges = pir.edges.makeAsyncIterator()
        try simulator.pull(chip: "gw-sim-a", offset: 7, up: true)
        if pir.debouncing == .software {
            // The edge is held until the line has stayed high for the period.
            await clock.waitForSleepers()
            clock.advance(by: .milliseconds(20))
        }
        #expect(try await edges.next()?.edge == .rising)
        await pir.release()
    }

    @Test func releasingAnOutputFreesTheLine() async throws {
        let relay = try LinuxGPIOOutput.request(
            .named("relay3"), configuration: .init(initialValue: true, safeValue: false))
        await relay.release()
        await relay.release()
        #expect(try GPIOChip.locate(.named("relay3")).chip.lineInfo(offset: 3).isUsed == false)
        await #expect(throws: GPIOError.self) { try await relay.set(true) }
    }

    @Test(.enabled(if: UnprivilegedThread.unavailableReason == nil, "changing the file-system user id needs root"))
    func permissionDeniedOnARealChipSaysWhatToChange() throws {
        let path = try GPIOChip.locate(.named("relay0")).chip.path
        let result = try UnprivilegedThread.run { () -> GPIOError? in
            do throws(GPIOError) {
                _ = try GPIOChip.open(path: path)
                return nil
            } catch {
                return error
            }
        }
        // The VM has no udev: nodes are root:root 0600, so only a udev rule helps.
        guard case .permissionDenied(let denial) = result else {
            Issue.record("expected permission denied, got \(String(describing: result))")
            return
        }
        #expect(denial.path == path)
        #expect(denial.needsUdevRule)
        #expect(denial.groupToJoin == "gpio")
        #expect(denial.description.contains("SUBSYSTEM==\"gpio\", GROUP=\"gpio\""))
    }

    private static func monotonicNow() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }
}

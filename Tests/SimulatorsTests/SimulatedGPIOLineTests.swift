import Hardware
import Testing

@testable import Simulators

/// The simulated GPIO line: levels, logical values and requests.
struct SimulatedGPIOLineTests {
    @Test func anActiveLowOutputIsRequestedAtItsSafeLevelAndReleasedToIt() async throws {
        let line = SimulatedGPIOLine(selector: .named("GPIO17"), level: true)
        let output = try line.requestOutput(GPIOOutputConfiguration(initialValue: false, activeLow: true))
        try await output.set(true)
        #expect(!line.level && line.isActive)
        await output.release()
        #expect(line.levelHistory == [true, true, false, true])
        #expect(!line.isRequested)
    }

    @Test func aLineServesOneRequestAtATime() throws {
        let line = SimulatedGPIOLine(selector: .offset(3, chip: "gpiochip0"))
        _ = try line.requestInput(GPIOInputConfiguration())
        #expect(throws: GPIOError.self) { try line.requestOutput(GPIOOutputConfiguration()) }
    }

    @Test func edgesWithoutDebounceArriveAsAsked() async throws {
        let line = SimulatedGPIOLine(selector: .named("GPIO4"))
        let input = try line.requestInput(GPIOInputConfiguration(edges: .rising))
        var edges = input.edges.makeAsyncIterator()
        line.press()
        line.letGo()
        line.press()
        #expect(try await edges.next()?.edge == .rising)
        #expect(try await edges.next()?.edge == .rising)
        #expect(try await input.value())
    }
}

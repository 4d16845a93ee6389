/// Why the `iot` suite could not measure: the run stops with this message.
struct IoTBenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

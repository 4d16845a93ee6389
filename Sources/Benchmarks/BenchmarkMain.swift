import Foundation

/// `swift run -c release Benchmarks [suite …]`: runs the named benchmark suites, or all.
/// Each suite prints a table and, as its last line, `summary: key=value …`.
/// `Benchmarks iot-history …` prepares the `iot` suite's gateway instead (`IoTHistoryFill`).
@main
enum BenchmarkMain {
    static let suites: [String: @Sendable () -> Void] = [
        "xml": XMLBenchmark.run,
        "drivers": DriversBenchmark.run,
        "session": SessionBenchmark.run,
        "iot": IoTBenchmark.run,
    ]

    static func main() {
        let requested = Array(CommandLine.arguments.dropFirst())
        if requested.first == "iot-history" {
            return IoTHistoryFill.run(Array(requested.dropFirst()))
        }
        let names = requested.isEmpty ? suites.keys.sorted() : requested
        for name in names {
            guard let suite = suites[name] else {
                print("unknown suite \(name); suites: \(suites.keys.sorted().joined(separator: ", "))")
                exit(2)
            }
            suite()
        }
    }
}

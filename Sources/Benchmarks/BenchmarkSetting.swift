import Foundation

/// A count a benchmark run takes from the environment (`XML_BENCH_MB=5`). Unset or empty, it
/// is the default; a value that is not a whole number of at least `minimum` ends the run with
/// an error that names it, instead of the run quietly measuring something else.
enum BenchmarkSetting {
    static func count(_ name: String, default fallback: Int, minimum: Int = 1) -> Int {
        counts(name, default: [fallback], minimum: minimum)[0]
    }

    /// A comma-separated list of counts (`IOT_BENCH_IN_FLIGHT=8,16`).
    static func counts(_ name: String, default fallback: [Int], minimum: Int = 1) -> [Int] {
        guard let text = ProcessInfo.processInfo.environment[name], !text.isEmpty else { return fallback }
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard values.allSatisfy({ ($0 ?? .min) >= minimum }) else {
            let wanted = values.count > 1 ? "whole numbers of at least \(minimum), comma-separated" : "a whole number of at least \(minimum)"
            print("error: \(name)=\(text): expected \(wanted)")
            exit(2)
        }
        return values.compactMap { $0 }
    }
}

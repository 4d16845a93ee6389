import Foundation
import Gateway

/// `Benchmarks iot-history FILE READINGS DEVICE…`: writes the history a gateway has after
/// running for weeks, before `scripts/lib/bench-iot` starts it, so that the `iot` suite
/// measures the memory of a gateway in its steady state rather than of one started a minute
/// ago. Every device gets READINGS published readings spread over the last 29 days (inside
/// the standard retention, so the gateway's start-up prune keeps them all).
enum IoTHistoryFill {
    static let span = Duration.seconds(29 * 86_400)
    /// Readings per transaction: one fsync each.
    static let batch = 10_000

    static func run(_ arguments: [String]) {
        guard arguments.count >= 3, let perDevice = Int(arguments[1]), perDevice > 0 else {
            print("usage: Benchmarks iot-history FILE READINGS-PER-DEVICE DEVICE…")
            exit(2)
        }
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await fill(path: arguments[0], perDevice: perDevice, devices: Array(arguments.dropFirst(2)))
            } catch {
                print("error: \(error)")
                exit(1)
            }
            finished.signal()
        }
        finished.wait()
    }

    private static func fill(path: String, perDevice: Int, devices: [String]) async throws {
        let history = try HistoryStore(path: path)
        let newest = Date()
        let step = IoTBenchmark.seconds(span) / Double(perDevice)
        var next = 0
        while next < perDevice {
            let count = min(batch / devices.count, perDevice - next)
            var readings: [HistoryReading] = []
            readings.reserveCapacity(count * devices.count)
            for index in next..<(next + count) {
                let time = newest.addingTimeInterval(-Double(perDevice - index) * step)
                for device in devices {
                    readings.append(HistoryReading(
                        device: device, field: "temperature", time: time,
                        value: .number(20 + Double(index % 100) / 10), unit: "°C"
                    ))
                }
            }
            try await history.markPublished(try await history.append(readings))
            next += count
        }
    }
}

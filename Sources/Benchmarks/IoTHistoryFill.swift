import Foundation
import Gateway

/// `Benchmarks iot-history FILE DEVICE…`: writes the history a gateway has after running for
/// weeks, before `scripts/lib/bench-iot` starts it, so that the `iot` suite measures the
/// memory of a gateway in its steady state rather than of one started a minute ago. Every
/// device gets as many published readings as the standard retention keeps, spread over its
/// age limit less a day (so the gateway's start-up prune keeps them all). Prints how many
/// readings it wrote.
enum IoTHistoryFill {
    static let retention = HistoryRetention()
    /// Readings per transaction: one fsync each.
    static let batch = 10_000

    static func run(_ arguments: [String]) {
        guard arguments.count >= 2, let perDevice = retention.maximumRows, let maximumAge = retention.maximumAge else {
            print("usage: Benchmarks iot-history FILE DEVICE…")
            exit(2)
        }
        let (path, devices) = (arguments[0], Array(arguments.dropFirst()))
        do {
            try runBlocking {
                try await fill(path: path, devices: devices, perDevice: perDevice, span: maximumAge - .seconds(86_400))
            }
        } catch {
            print("error: \(error)")
            exit(1)
        }
        print(perDevice * devices.count)
    }

    private static func fill(path: String, devices: [String], perDevice: Int, span: Duration) async throws {
        let history = try HistoryStore(path: path)
        let newest = Date()
        let step = span.inSeconds / Double(perDevice)
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

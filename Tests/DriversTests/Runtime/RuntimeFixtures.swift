import Drivers
import Foundation
import Hardware
import Simulators
import Testing

/// The catalog's model `id`, loaded from the repository's `Devices/`.
func catalogModel(_ id: String) throws -> DeviceModel {
    try #require(try DeviceCatalog.load(directory: devicesDirectory.path).model(id: id))
}

/// A model file of the catalog with some text replaced, for a variant of its settings.
func catalogModel(_ id: String, replacing target: String, with replacement: String) throws -> DeviceModel {
    let text = try String(contentsOf: devicesDirectory.appendingPathComponent("\(id).yaml"), encoding: .utf8)
    #expect(text.contains(target), "\(id).yaml no longer contains \(target)")
    return try DeviceModel(yaml: text.replacingOccurrences(of: target, with: replacement), file: "\(id).yaml")
}

/// A fresh directory for a simulated sysfs tree, removed by `remove()`.
struct TemporarySysfs {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("drivers-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The error `body` threw as a `DeviceDriverError`; `nil` when it returned.
/// Any other error fails the test.
func driverFailure<T>(_ body: () async throws -> T) async -> DeviceDriverError? {
    do {
        _ = try await body()
        return nil
    } catch let error as DeviceDriverError {
        return error
    } catch {
        Issue.record("not a DeviceDriverError: \(error)")
        return nil
    }
}

/// The readings of the next event, or `nil` when it is another kind of event or none.
func nextReadings(_ events: inout AsyncStream<DriverEvent>.Iterator) async -> [FieldReading]? {
    guard case let .readings(readings, _)? = await events.next() else { return nil }
    return readings
}

/// The fault of the next event, or `nil` when it is another kind of event or none.
func nextFault(_ events: inout AsyncStream<DriverEvent>.Iterator) async -> DeviceDriverError? {
    guard case let .fault(error)? = await events.next() else { return nil }
    return error
}

/// The value of `field` in `readings`.
func value(_ field: String, in readings: [FieldReading]) -> FieldValue? {
    readings.first { $0.field == field }?.value
}

/// The number of `field` in `readings`, or NaN (which fails every comparison).
func number(_ field: String, in readings: [FieldReading]) -> Double {
    value(field, in: readings)?.number ?? .nan
}

/// Samples on a task while the test moves `clock`: waits until the driver sleeps on it (its
/// response deadline), then advances past `by`, and returns what the sample gave.
func sampleAdvancing(
    _ driver: any DeviceDriver, clock: ManualClock, by duration: Duration, sleepers: Int = 1
) async -> Result<[FieldReading], DeviceDriverError> {
    let sampling = Task { () -> Result<[FieldReading], DeviceDriverError> in
        do {
            return .success(try await driver.sample())
        } catch let error as DeviceDriverError {
            return .failure(error)
        } catch {
            return .failure(.bus("not a DeviceDriverError: \(error)"))
        }
    }
    await clock.waitForSleepers(count: sleepers)
    clock.advance(by: duration)
    return await sampling.value
}

extension Result {
    var failure: Failure? {
        if case let .failure(error) = self { error } else { nil }
    }
}

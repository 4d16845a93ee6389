import Testing
@testable import Drivers

/// Bytes from a fixture written as hex pairs separated by spaces ("ff 86 02 60").
func hexBytes(_ text: String) throws -> [UInt8] {
    try text.split(separator: " ").map { pair in
        guard pair.count == 2, let byte = UInt8(pair, radix: 16) else {
            throw FixtureError.notHex(String(pair))
        }
        return byte
    }
}

enum FixtureError: Error {
    case notHex(String)
}

/// The `DriverError` `body` threw, or `nil` when it returned: lets a table compare whole errors.
/// Any other error is a broken fixture and fails the test.
func driverError<T>(_ body: () throws -> T) -> DriverError? {
    do {
        _ = try body()
        return nil
    } catch let error as DriverError {
        return error
    } catch {
        Issue.record("not a DriverError: \(error)")
        return nil
    }
}

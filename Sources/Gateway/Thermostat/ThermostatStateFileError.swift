/// Why a thermostat's persisted target could not be read or written. The gateway logs it and
/// carries on: with the configured initial target when reading failed, with the change applied
/// but not persisted when writing failed.
public enum ThermostatStateFileError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// Not the JSON this gateway writes (truncated, edited by hand, another version).
    case corrupt(path: String, reason: String)
    /// Well-formed, but it no longer fits the settings (a preset was removed, the range shrank).
    case doesNotFit(path: String, ThermostatError)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read thermostat state \(path): \(reason)"
        case let .corrupt(path, reason): "thermostat state \(path) is corrupt: \(reason)"
        case let .doesNotFit(path, error): "thermostat state \(path) does not fit the settings: \(error)"
        case let .unwritable(path, reason): "cannot write thermostat state \(path): \(reason)"
        }
    }
}

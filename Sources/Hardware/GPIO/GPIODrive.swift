import CGPIOD

/// How an output drives its pin.
public enum GPIODrive: String, Sendable, Hashable, CaseIterable {
    /// Drives both levels.
    case pushPull = "push-pull"
    /// Drives low only, floats high: for wired-OR lines and level shifting with a pull-up.
    case openDrain = "open-drain"
    /// Drives high only, floats low.
    case openSource = "open-source"

    var shimValue: cgpiod_drive {
        switch self {
        case .pushPull: CGPIOD_DRIVE_PUSH_PULL
        case .openDrain: CGPIOD_DRIVE_OPEN_DRAIN
        case .openSource: CGPIOD_DRIVE_OPEN_SOURCE
        }
    }

    init(_ value: cgpiod_drive) {
        switch value {
        case CGPIOD_DRIVE_OPEN_DRAIN: self = .openDrain
        case CGPIOD_DRIVE_OPEN_SOURCE: self = .openSource
        default: self = .pushPull
        }
    }
}

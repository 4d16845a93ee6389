import CGPIOD
import Glibc

/// An open GPIO chip (`/dev/gpiochipN`): its name, label and lines. Used while finding and
/// requesting lines; requested lines stay valid after the chip is closed.
///
/// Not `Sendable`: libgpiod's chip handle may be used from one thread at a time.
public final class GPIOChip {
    /// The consumer label the gateway's lines carry, as `gpioinfo` shows it.
    public static let defaultConsumer = "xmpp-iot-gateway"

    public let path: String
    /// `gpiochip0`.
    public let name: String
    /// The driver's label, such as `pinctrl-bcm2711` (Pi 4) or `pinctrl-rp1` (Pi 5).
    public let label: String
    public let lineCount: Int
    let handle: OpaquePointer

    private init(path: String, handle: OpaquePointer) {
        self.path = path
        self.handle = handle
        self.name = String(cString: cgpiod_chip_name(handle))
        self.label = String(cString: cgpiod_chip_label(handle))
        self.lineCount = Int(cgpiod_chip_num_lines(handle))
    }

    deinit {
        cgpiod_chip_close(handle)
    }

    public static func open(path: String) throws(GPIOError) -> GPIOChip {
        var handle: OpaquePointer?
        let result = cgpiod_chip_open(path, &handle)
        guard result == 0, let handle else {
            throw openError(path: path, code: -result)
        }
        return GPIOChip(path: path, handle: handle)
    }

    /// The paths of the chips in `deviceDirectory`, in chip-number order.
    public static func paths(deviceDirectory: String = "/dev") -> [String] {
        let names = (try? FileAccess.entries(of: deviceDirectory)) ?? []
        return names.compactMap { name -> (Int, String)? in
            guard name.hasPrefix("gpiochip"), let number = Int(name.dropFirst(8)) else { return nil }
            return (number, "\(deviceDirectory)/\(name)")
        }
        .sorted { $0.0 < $1.0 }
        .map(\.1)
    }

    /// Every chip in `deviceDirectory`. A chip the gateway may not open is an error, not
    /// skipped: otherwise a missing permission would look like a missing line. A chip that
    /// went away between the listing and the open (a USB GPIO adapter unplugged, say) is
    /// skipped: it is no longer there, and the line asked for may be on another chip.
    public static func all(deviceDirectory: String = "/dev") throws(GPIOError) -> [GPIOChip] {
        var chips: [GPIOChip] = []
        for path in paths(deviceDirectory: deviceDirectory) {
            do {
                chips.append(try open(path: path))
            } catch .chipNotFound {
                continue
            } catch .openFailed(_, let code) where code == SystemErrorCode(ENODEV) {
                continue
            }
        }
        return chips
    }

    /// Finds the chip and offset a selector means.
    public static func locate(
        _ selector: GPIOLineSelector,
        deviceDirectory: String = "/dev"
    ) throws(GPIOError) -> (chip: GPIOChip, offset: Int) {
        if case .offset(let offset, let chipPath) = selector, chipPath.hasPrefix("/") {
            // A path names one chip: open only that one.
            let chip = try open(path: chipPath)
            guard (0..<chip.lineCount).contains(offset) else {
                throw .offsetOutOfRange(chip: chip.description, offset: offset, lineCount: chip.lineCount)
            }
            return (chip, offset)
        }
        let chips = try all(deviceDirectory: deviceDirectory)
        switch selector {
        case .named(let lineName, let chipLabel):
            let candidates = chipLabel.map { label in chips.filter { $0.label == label } } ?? chips
            if let chipLabel, candidates.isEmpty {
                throw .chipNotFound(chipLabel, available: chips.map(\.description))
            }
            let matches = candidates.compactMap { chip in chip.offset(ofLineNamed: lineName).map { (chip, $0) } }
            guard let first = matches.first else {
                throw .lineNotFound(selector, searched: candidates.map(\.description))
            }
            guard matches.count == 1 else {
                throw .ambiguousLineName(lineName, chips: matches.map { $0.0.description })
            }
            return (first.0, first.1)
        case .offset(let offset, let chipName):
            guard let chip = chips.first(where: { $0.label == chipName || $0.name == chipName })
            else {
                throw .chipNotFound(chipName, available: chips.map(\.description))
            }
            guard (0..<chip.lineCount).contains(offset) else {
                throw .offsetOutOfRange(chip: chip.description, offset: offset, lineCount: chip.lineCount)
            }
            return (chip, offset)
        }
    }

    public func lineInfo(offset: Int) throws(GPIOError) -> GPIOLineInfo {
        guard (0..<lineCount).contains(offset) else {
            throw .offsetOutOfRange(chip: description, offset: offset, lineCount: lineCount)
        }
        var info = cgpiod_line_info()
        let result = cgpiod_chip_line_info(handle, UInt32(offset), &info)
        guard result == 0 else {
            throw .accessFailed(line: lineDescription(offset: offset), SystemErrorCode(-result))
        }
        return GPIOLineInfo(info)
    }

    /// The offset of the line with this name, if the chip has one.
    public func offset(ofLineNamed lineName: String) -> Int? {
        let result = cgpiod_chip_find_line(handle, lineName)
        return result >= 0 ? Int(result) : nil
    }

    /// "gpiochip0 [pinctrl-bcm2711]".
    public var description: String {
        "\(name) [\(label)]"
    }

    /// "gpiochip0 line 17 (GPIO17)", for errors and logs.
    func lineDescription(offset: Int) -> String {
        let lineName = (try? lineInfo(offset: offset))?.name
        return "\(name) line \(offset)" + (lineName.map { " (\($0))" } ?? "")
    }

    /// The error a failed request's `errno` stands for.
    func requestError(offset: Int, code: Int32) -> GPIOError {
        let line = lineDescription(offset: offset)
        switch code {
        case EBUSY:
            return .lineBusy(line: line, consumer: (try? lineInfo(offset: offset))?.consumer)
        case EOPNOTSUPP:
            return .unsupported(line: line, feature: "a setting of this request")
        default:
            return .requestFailed(line: line, SystemErrorCode(code))
        }
    }

    private static func openError(path: String, code: Int32) -> GPIOError {
        if code == EACCES || code == EPERM {
            return .permissionDenied(PermissionDenial(path: path, conventionalGroup: "gpio", udevSubsystem: "gpio"))
        }
        if code == ENOENT {
            let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            return .chipNotFound(path, available: paths(deviceDirectory: directory.isEmpty ? "/" : directory))
        }
        // libgpiod 2 checks that the path is a GPIO chip before opening it, so it may report
        // ENODEV where the real problem is permission; an open of our own tells.
        let probe = Glibc.open(path, O_RDWR | O_CLOEXEC)
        if probe >= 0 {
            Glibc.close(probe)
        } else if errno == EACCES || errno == EPERM {
            return .permissionDenied(PermissionDenial(path: path, conventionalGroup: "gpio", udevSubsystem: "gpio"))
        }
        return .openFailed(path: path, SystemErrorCode(code))
    }
}

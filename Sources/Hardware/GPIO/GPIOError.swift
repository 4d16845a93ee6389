/// Why a GPIO line could not be found, requested or used — with what a person needs to fix
/// it: the chips there are, the consumer holding a busy line, the group to join.
public enum GPIOError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No chip with that label, name or path; `available` lists "gpiochip0 [pinctrl-bcm2711]".
    case chipNotFound(String, available: [String])
    /// No line matches the selector on the chips searched.
    case lineNotFound(GPIOLineSelector, searched: [String])
    /// More than one chip has a line with this name; add the chip label to the selector.
    case ambiguousLineName(String, chips: [String])
    case offsetOutOfRange(chip: String, offset: Int, lineCount: Int)
    case permissionDenied(PermissionDenial)
    /// Another consumer holds the line. `consumer` is its label as `gpioinfo` shows it;
    /// `nil` when it gave none (or the kernel holds it, as for a pin muxed to I2C).
    case lineBusy(line: String, consumer: String?)
    /// The kernel or libgpiod cannot do what the request asked, such as bias on Linux < 5.5.
    case unsupported(line: String, feature: String)
    case openFailed(path: String, SystemErrorCode)
    case requestFailed(line: String, SystemErrorCode)
    case accessFailed(line: String, SystemErrorCode)
    /// The line was released; request it again to use it.
    case released(line: String)

    public var description: String {
        switch self {
        case .chipNotFound(let chip, let available):
            "no GPIO chip \"\(chip)\"; there are: \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        case .lineNotFound(let selector, let searched):
            "no \(selector) on \(searched.isEmpty ? "any GPIO chip (there are none)" : searched.joined(separator: ", "))"
        case .ambiguousLineName(let name, let chips):
            "line \"\(name)\" exists on \(chips.joined(separator: " and ")); name the chip label too"
        case .offsetOutOfRange(let chip, let offset, let lineCount):
            "\(chip) has no line \(offset) (it has \(lineCount) lines)"
        case .permissionDenied(let denial): denial.description
        case .lineBusy(let line, let consumer?): "\(line) is in use by \"\(consumer)\""
        case .lineBusy(let line, nil): "\(line) is in use by the kernel or an unnamed consumer"
        case .unsupported(let line, let feature): "\(line): \(feature) is not supported here"
        case .openFailed(let path, let code): "cannot open GPIO chip \(path): \(code)"
        case .requestFailed(let line, let code): "cannot request \(line): \(code)"
        case .accessFailed(let line, let code): "cannot use \(line): \(code)"
        case .released(let line): "\(line) was released"
        }
    }
}

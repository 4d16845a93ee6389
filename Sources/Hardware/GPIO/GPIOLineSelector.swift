/// Which line to use, as a configuration names it.
///
/// By line name (`GPIO17`), optionally on the chip with a given label, a configuration
/// works on a Pi 4 and a Pi 5 alike, although the header's chip moved from gpiochip0 to
/// gpiochip4 and back between kernels (pain point 4). By chip and offset for lines the
/// device tree left unnamed.
public enum GPIOLineSelector: Sendable, Hashable, CustomStringConvertible {
    /// The line with this name; on the chip with this label (`pinctrl-rp1`) if given, else
    /// on whichever chip has it — it must be one chip only.
    case named(String, chipLabel: String? = nil)
    /// Line `offset` of a chip named by label (`pinctrl-bcm2711`), name (`gpiochip0`) or
    /// path (`/dev/gpiochip0`).
    case offset(Int, chip: String)

    public var description: String {
        switch self {
        case .named(let name, nil): "line \"\(name)\""
        case .named(let name, let label?): "line \"\(name)\" of chip \"\(label)\""
        case .offset(let offset, let chip): "line \(offset) of chip \"\(chip)\""
        }
    }
}

/// How to request an output line.
public struct GPIOOutputConfiguration: Sendable, Hashable {
    /// The value the line takes in the same request that makes it an output, so the pin
    /// never shows another level in between (pain point 6: relays clicking at start).
    public var initialValue: Bool
    /// The value driven when the line is released at shutdown; the initial value unless
    /// said otherwise.
    public var safeValue: Bool
    /// True when the pin's low level means active, as on most relay boards.
    public var activeLow: Bool
    public var drive: GPIODrive
    public var bias: GPIOBias

    public init(
        initialValue: Bool = false,
        safeValue: Bool? = nil,
        activeLow: Bool = false,
        drive: GPIODrive = .pushPull,
        bias: GPIOBias = .asIs
    ) {
        self.initialValue = initialValue
        self.safeValue = safeValue ?? initialValue
        self.activeLow = activeLow
        self.drive = drive
        self.bias = bias
    }
}

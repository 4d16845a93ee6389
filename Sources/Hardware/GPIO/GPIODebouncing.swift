/// Where an input's edges are debounced.
public enum GPIODebouncing: String, Sendable, Hashable {
    /// Not at all: no debounce period was asked for, or no edges.
    case none
    /// By the kernel (libgpiod 2 on Linux 5.10 and later).
    case kernel
    /// By the gateway, because libgpiod 1.6 cannot ask the kernel to.
    case software
}

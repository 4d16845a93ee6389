/// Namespace of the simulated devices: each stands behind the same protocol as the real bus
/// back end (`SerialPort` on a pseudo-terminal, `I2CBus`, `GPIOInput`/`GPIOOutput`, a sysfs
/// directory tree).
public enum SimulatedBuses {}

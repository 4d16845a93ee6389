import Dispatch

extension DispatchQueue {
    /// Where sysfs reads that may block run: a 1-Wire temperature read takes 750 ms while
    /// the kernel runs the conversion, a DHT11 read a few hundred. Concurrent, since the
    /// kernel serialises each bus itself.
    static let sysfs = DispatchQueue(label: "sysfs", qos: .utility, attributes: .concurrent)
}

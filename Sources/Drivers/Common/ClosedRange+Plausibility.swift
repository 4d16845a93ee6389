extension ClosedRange<Double> {
    /// `value` if it is a finite number inside this range; otherwise the error that names the
    /// limit, so a wiring fault or a garbled transfer cannot pass as a reading (pain point 7,
    /// "bad readings that look valid").
    func admitting(_ value: Double, field: String, sensor: SensorFamily) throws(DriverError) -> Double {
        guard value.isFinite else {
            throw .malformed(sensor: sensor, reason: "\(field) is not a finite number")
        }
        guard contains(value) else {
            throw .implausibleValue(sensor: sensor, field: field, value: value, limit: self)
        }
        return value
    }
}

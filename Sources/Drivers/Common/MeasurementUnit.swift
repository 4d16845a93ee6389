/// The unit of a `MeasuredValue`.
///
/// Drivers convert to one unit per quantity whatever path the value took (pressure is pascal
/// whether it came from the BME280 registers or the kernel's `in_pressure_input` in kilopascal),
/// so a device's fields keep their unit when its driver changes. The raw value is the symbol
/// the gateway publishes as the XEP-0323 `unit` attribute.
public enum MeasurementUnit: String, Sendable, Hashable, CaseIterable {
    case celsius = "°C"
    case percentRelativeHumidity = "%RH"
    case pascal = "Pa"
    case partsPerMillion = "ppm"
    case microgramsPerCubicMetre = "µg/m³"
    /// Particles counted per 0.1 litre of air, as Plantower sensors report them.
    case particlesPerDecilitre = "1/0.1L"
    case volt = "V"
    case ampere = "A"
    case lux = "lx"
    case percent = "%"
    case ohm = "Ω"
    case metre = "m"
    case metresPerSecond = "m/s"
    /// Angles: latitude, longitude, course over ground.
    case degree = "°"
    /// A dimensionless count, such as satellites in use.
    case count = ""
}

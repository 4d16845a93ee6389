/// A GGA sentence: time, position, fix quality, satellites in use, HDOP and altitude.
///
/// Without a fix the receiver leaves the position fields empty; they are `nil` here, and the
/// sentence is still valid (it says "no fix", which the device publishes as a status).
public struct GGASentence: Sendable, Hashable {
    public var time: NMEATime?
    /// In decimal degrees, north positive.
    public var latitude: Double?
    /// In decimal degrees, east positive.
    public var longitude: Double?
    public var fixQuality: GPSFixQuality
    public var satellites: Int?
    public var horizontalDilution: Double?
    /// Metres above mean sea level.
    public var altitude: Double?
    /// Metres from the WGS-84 ellipsoid up to mean sea level.
    public var geoidSeparation: Double?

    public init(_ sentence: NMEASentence) throws(DriverError) {
        try sentence.require(type: "GGA", fields: 14)
        let f = sentence.fields
        time = try NMEATime(field: f[0])
        latitude = try sentence.coordinate(at: 1, latitude: true)
        longitude = try sentence.coordinate(at: 3, latitude: false)
        guard let quality = Int(f[5]).flatMap(GPSFixQuality.init(rawValue:)) else {
            throw .malformed(sensor: .nmea, reason: "fix quality \"\(f[5])\"")
        }
        fixQuality = quality
        if f[6].isEmpty {
            satellites = nil
        } else {
            guard let count = Int(f[6]), count >= 0 else {
                throw .malformed(sensor: .nmea, reason: "satellite count \"\(f[6])\"")
            }
            satellites = count
        }
        horizontalDilution = try sentence.decimal(at: 7, named: "HDOP")
        altitude = try sentence.decimal(at: 8, named: "altitude")
        geoidSeparation = try sentence.decimal(at: 10, named: "geoid separation")
    }

    public init(line: String) throws(DriverError) {
        try self.init(NMEASentence(line: line))
    }

    /// Satellites always; position and altitude only while the fix is measured.
    public var measurements: [MeasuredValue] {
        var values: [MeasuredValue] = []
        if let satellites {
            values.append(MeasuredValue(field: "satellites", value: Double(satellites), unit: .count))
        }
        guard fixQuality.isMeasuredFix else { return values }
        if let latitude {
            values.append(MeasuredValue(field: "latitude", value: latitude, unit: .degree))
        }
        if let longitude {
            values.append(MeasuredValue(field: "longitude", value: longitude, unit: .degree))
        }
        if let altitude {
            values.append(MeasuredValue(field: "altitude", value: altitude, unit: .metre))
        }
        return values
    }
}

import Drivers
import FoundationEssentials

/// A GPS receiver on a pseudo-terminal sending NMEA 0183: each `emit()` (or each period after
/// `startStreaming`) sends a GGA and an RMC sentence for its current fix, with checksums.
public final class SimulatedNMEAReceiver: SimulatedSerialDevice {
    /// What the receiver reports.
    public struct Fix: Sendable, Hashable {
        /// Degrees, north and east positive.
        public var latitude: Double
        public var longitude: Double
        /// Metres above mean sea level.
        public var altitude: Double
        /// Metres per second over ground.
        public var speed: Double
        /// Degrees from true north.
        public var course: Double
        public var satellites: Int
        /// A measured fix; `false` sends quality 0 and status V, as before the first fix.
        public var isValid: Bool

        public init(
            latitude: Double, longitude: Double, altitude: Double, speed: Double = 0, course: Double = 0,
            satellites: Int = 8, isValid: Bool = true
        ) {
            self.latitude = latitude
            self.longitude = longitude
            self.altitude = altitude
            self.speed = speed
            self.course = course
            self.satellites = satellites
            self.isValid = isValid
        }
    }

    private struct State {
        var fix: Fix
        var fault = SerialFault.none
    }

    public let link: SimulatedSerialLink
    private let state: SimulatorState<State>
    private let emission = PeriodicEmission()

    public init(fix: Fix = Fix(latitude: 48.1173, longitude: 11.5167, altitude: 545.4)) throws(PseudoTerminalError) {
        state = SimulatorState(State(fix: fix))
        link = try SimulatedSerialLink { _ in [] }
    }

    public var fix: Fix {
        get { state.withLock { $0.fix } }
        set { state.withLock { $0.fix = newValue } }
    }

    public var fault: SerialFault {
        get { state.withLock { $0.fault } }
        set { state.withLock { $0.fault = newValue } }
    }

    public func emit() {
        let (fix, fault) = state.withLock { ($0.fix, $0.fault) }
        var output: [UInt8] = []
        for body in [Self.gga(fix), Self.rmc(fix)] {
            let line = Array(Self.sentence(body).utf8)
            let corrupted = Array(Self.sentence(body, checksumOffset: 1).utf8)
            output += fault.applied(to: line, corrupted: corrupted, garbage: Array("$GP#~\u{7F}\r\n".utf8))
        }
        if !output.isEmpty { link.send(output) }
    }

    public func startStreaming(every period: Duration = .seconds(1), clock: some Clock<Duration> = ContinuousClock()) {
        emission.start(every: period, clock: clock) { [weak self] in self?.emit() }
    }

    public func stopStreaming() {
        emission.stop()
    }

    /// `$body*CS\r\n`; `checksumOffset` spoils the checksum on purpose.
    public static func sentence(_ body: String, checksumOffset: UInt8 = 0) -> String {
        "$\(body)*\(String(cFormat: "%02X", NMEASentence.checksum(body) &+ checksumOffset))\r\n"
    }

    /// The GGA body (without `$`, checksum and line end) for a fix.
    public static func gga(_ fix: Fix) -> String {
        let quality = fix.isValid ? 1 : 0
        return "GPGGA,123519.00,\(coordinate(fix.latitude, degreeDigits: 2, hemispheres: ("N", "S"))),"
            + "\(coordinate(fix.longitude, degreeDigits: 3, hemispheres: ("E", "W"))),\(quality),"
            + String(cFormat: "%02ld,0.9,%.1f,M,46.9,M,,", fix.satellites, fix.altitude)
    }

    /// The RMC body for a fix.
    public static func rmc(_ fix: Fix) -> String {
        let knots = fix.speed / RMCSentence.metresPerSecondPerKnot
        return "GPRMC,123519.00,\(fix.isValid ? "A" : "V"),"
            + "\(coordinate(fix.latitude, degreeDigits: 2, hemispheres: ("N", "S"))),"
            + "\(coordinate(fix.longitude, degreeDigits: 3, hemispheres: ("E", "W"))),"
            + String(cFormat: "%.3f,%.1f,230394,,", knots, fix.course)
    }

    /// `4807.038000,N`: whole degrees, then minutes with six decimals, then the hemisphere.
    static func coordinate(_ value: Double, degreeDigits: Int, hemispheres: (String, String)) -> String {
        let magnitude = abs(value)
        let degrees = Int(magnitude)
        let minutes = (magnitude - Double(degrees)) * 60
        let text = String(cFormat: "%0\(degreeDigits)ld%09.6f", degrees, minutes)
        return text + "," + (value < 0 ? hemispheres.1 : hemispheres.0)
    }
}

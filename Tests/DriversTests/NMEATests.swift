import Foundation
import Testing
@testable import Drivers

/// Fixtures: anchors.md part (d), "NMEA 0183" (GGA and RMC of 23 March 1994, 12:35:19 UTC).
/// The variants were checksummed by hand: XOR of the characters between `$` and `*`.
struct NMEATests {
    static let gga = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n"
    static let rmc = "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\r\n"
    static let latitude = 48 + 7.038 / 60
    static let longitude = 11 + 31.0 / 60

    @Test func goldenGGA() throws {
        let gga = try GGASentence(line: Self.gga)
        #expect(gga.time == NMEATime(hour: 12, minute: 35, second: 19))
        #expect(abs((gga.latitude ?? 0) - Self.latitude) < 1e-9)
        #expect(abs((gga.longitude ?? 0) - Self.longitude) < 1e-9)
        #expect(gga.fixQuality == .gps)
        #expect(gga.satellites == 8)
        #expect(gga.horizontalDilution == 0.9)
        #expect(gga.altitude == 545.4)
        #expect(gga.geoidSeparation == 46.9)
        #expect(gga.measurements.map(\.field) == ["satellites", "latitude", "longitude", "altitude"])
    }

    @Test func goldenRMC() throws {
        let rmc = try RMCSentence(line: Self.rmc)
        #expect(rmc.isValid)
        #expect(rmc.speedKnots == 22.4)
        #expect(rmc.course == 84.4)
        #expect(rmc.date == NMEADate(year: 1994, month: 3, day: 23))
        #expect(rmc.timestamp == Date(timeIntervalSince1970: 764_426_119))
        let speed = try #require(rmc.measurements.first { $0.field == "speed" })
        #expect(abs(speed.value - 22.4 * 1852 / 3600) < 1e-9 && speed.unit == .metresPerSecond)
    }

    @Test func southAndWestAreNegative() throws {
        let gga = try GGASentence(line: "$GPGGA,123519,4807.038,S,01131.000,W,1,08,0.9,545.4,M,46.9,M,,*48")
        #expect(abs((gga.latitude ?? 0) + Self.latitude) < 1e-9)
        #expect(abs((gga.longitude ?? 0) + Self.longitude) < 1e-9)
    }

    @Test func multiConstellationRMCWithFractionalSeconds() throws {
        let sentence = try NMEASentence(line: "$GNRMC,083559.00,A,3352.1234,S,15112.5678,E,0.004,77.52,091202,,,A*5D")
        #expect(sentence.talker == "GN" && sentence.type == "RMC")
        let rmc = try RMCSentence(sentence)
        #expect(rmc.timestamp == Date(timeIntervalSince1970: 1_039_422_959))
        #expect(abs((rmc.latitude ?? 0) + (33 + 52.1234 / 60)) < 1e-9)
    }

    @Test func noFixLeavesThePositionEmpty() throws {
        let gga = try GGASentence(line: "$GPGGA,,,,,,0,00,99.99,,,,,,*48")
        #expect(gga.fixQuality == .invalid)
        #expect(gga.time == nil && gga.latitude == nil && gga.altitude == nil)
        #expect(gga.measurements == [MeasuredValue(field: "satellites", value: 0, unit: .count)])
    }

    @Test func impossibleDateHasNoTimestamp() throws {
        let rmc = try RMCSentence(line: "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,310294,003.1,W*68")
        #expect(rmc.date == NMEADate(year: 1994, month: 2, day: 31))
        #expect(rmc.timestamp == nil)
    }

    /// The golden RMC sentence with other time and date fields, checksummed.
    static func rmcLine(time: String, date: String) -> String {
        let body = "GPRMC,\(time),A,4807.038,N,01131.000,E,022.4,084.4,\(date),003.1,W"
        let checksum = String(NMEASentence.checksum(body), radix: 16, uppercase: true)
        return "$\(body)*" + String(repeating: "0", count: 2 - checksum.count) + checksum
    }

    @Test(arguments: [
        ("000000", "290224", 1_709_164_800.0),  // leap day
        ("120000", "290200", 951_825_600),  // 2000 is a leap year: divisible by 400
        ("235959.25", "311299", 946_684_799.25),  // the last second of a year…
        ("000000", "010100", 946_684_800),  // …and the next year's first
        ("000000", "060180", 315_964_800),  // two-digit years from 80 are 19yy: GPS time began here
        ("235959", "311279", 3_471_292_799),  // below 80 they are 20yy
        ("235960", "311216", 1_483_228_800),  // a leap second ends in the next minute
    ])
    func timestampFromDateAndTime(time: String, date: String, seconds: Double) throws {
        let stamp = try #require(try RMCSentence(line: Self.rmcLine(time: time, date: date)).timestamp)
        #expect(abs(stamp.timeIntervalSince1970 - seconds) < 1e-6)
    }

    @Test(arguments: ["300224", "290223", "310424"])
    func daysTheMonthDoesNotHaveGiveNoTimestamp(date: String) throws {
        #expect(try RMCSentence(line: Self.rmcLine(time: "120000", date: date)).timestamp == nil)
    }

    /// Dates and times set in code, which no field check has seen.
    @Test func impossibleDatesAndTimesSetInCodeGiveNoTimestamp() throws {
        var rmc = try RMCSentence(line: Self.rmc)
        for date in [NMEADate(year: 2024, month: 13, day: 1), NMEADate(year: 2024, month: 0, day: 1),
                     NMEADate(year: 2100, month: 2, day: 29), NMEADate(year: 2024, month: 1, day: 0)] {
            rmc.date = date
            #expect(rmc.timestamp == nil)
        }
        rmc.date = NMEADate(year: 2024, month: 1, day: 1)
        for time in [NMEATime(hour: 24, minute: 0, second: 0), NMEATime(hour: 12, minute: 60, second: 0)] {
            rmc.time = time
            #expect(rmc.timestamp == nil)
        }
    }

    @Test(arguments: [
        ("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*48", DriverError.badChecksum(sensor: .nmea, expected: 0x47, actual: 0x48)),
        ("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,", .truncated(sensor: .nmea, expected: 3, got: 0)),
        ("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*4", .truncated(sensor: .nmea, expected: 2, got: 1)),
        ("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M*1F", .truncated(sensor: .nmea, expected: 14, got: 10)),
        ("GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47", .malformed(sensor: .nmea, reason: "sentence does not start with $")),
        ("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*ZZ", .malformed(sensor: .nmea, reason: "checksum \"ZZ\" is not two hex digits")),
        (rmc, .malformed(sensor: .nmea, reason: "expected a GGA sentence, got RMC")),
        ("$GPGGA,123519,4867.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*41", .malformed(sensor: .nmea, reason: "latitude \"4867.038\" has 67.038 minutes")),
        ("$GPGGA,123519,9107.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*43", .implausibleValue(sensor: .nmea, field: "latitude", value: 91 + 7.038 / 60, limit: -90...90)),
        ("$GPGGA,123519,4807.038,X,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*51", .malformed(sensor: .nmea, reason: "latitude hemisphere \"X\"")),
        ("$GPGGA,123519,4807.038,N,01131.000,E,9,08,0.9,545.4,M,46.9,M,,*4F", .malformed(sensor: .nmea, reason: "fix quality \"9\"")),
        ("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,nan,M,46.9,M,,*08", .malformed(sensor: .nmea, reason: "altitude \"nan\" is not a number")),
        // A lost line end glues two sentences; the checksum catches it.
        ("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A",
         .badChecksum(sensor: .nmea, expected: 0x20, actual: 0x6A)),
    ])
    func badGGAIsRefused(line: String, expected: DriverError) {
        let error = driverError { try GGASentence(line: line) }
        if case .implausibleValue(.nmea, "latitude", let value, -90...90) = expected,
            case .implausibleValue(.nmea, "latitude", let actual, -90...90) = error
        {
            #expect(abs(actual - value) < 1e-9)
        } else {
            #expect(error == expected)
        }
    }

    @Test(arguments: [
        ("$GPRMC,123519,X,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*73", DriverError.malformed(sensor: .nmea, reason: "status \"X\" is neither A nor V")),
        ("$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,320394,003.1,W*6A", .malformed(sensor: .nmea, reason: "date \"320394\" is not ddmmyy")),
        (rmcLine(time: "123519", date: "011394"), .malformed(sensor: .nmea, reason: "date \"011394\" is not ddmmyy")),
        (rmcLine(time: "123519", date: "000394"), .malformed(sensor: .nmea, reason: "date \"000394\" is not ddmmyy")),
    ])
    func badRMCIsRefused(line: String, expected: DriverError) {
        #expect(driverError { try RMCSentence(line: line) } == expected)
    }
}

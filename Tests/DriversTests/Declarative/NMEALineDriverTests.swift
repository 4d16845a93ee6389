import Foundation
import Testing
@testable import Drivers

/// Fixtures: anchors.md part (d), "NMEA 0183 GPS".
struct NMEALineDriverTests {
    static let gga = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47"
    static let rmc = "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A"

    @Test func ggaAndRMCBecomeFields() throws {
        var driver = NMEALineDriver()
        let readings = driver.feed(Array((Self.gga + "\r\n" + Self.rmc + "\r\n").utf8))
        #expect(readings.count == 2)
        let gga = Dictionary(uniqueKeysWithValues: (readings.first ?? []).map { ($0.field, $0.value) })
        #expect(gga["satellites"] == .integer(8))
        #expect(gga["fix_quality"] == .integer(1))
        #expect(gga["altitude"] == .number(545.4))
        let latitude = try #require(gga["latitude"]?.number)
        #expect(abs(latitude - (48 + 7.038 / 60)) < 1e-9)
        let rmc = Dictionary(uniqueKeysWithValues: (readings.last ?? []).map { ($0.field, $0.value) })
        let speed = try #require(rmc["speed"]?.number)
        #expect(abs(speed - 22.4 * 1852 / 3600) < 1e-9)
        #expect(rmc["course"] == .number(84.4))
        #expect(driver.sentencesDecoded == 2)
    }

    @Test func badChecksumsAndOtherSentencesAreCounted() {
        var driver = NMEALineDriver()
        let text = Self.gga.replacingOccurrences(of: "*47", with: "*48") + "\n"
            + "$GPGSV,1,1,01,01,40,083,46*44\n"
            + "garbage\n"
        #expect(driver.feed(Array(text.utf8)).isEmpty)
        #expect(driver.sentencesRefused == 2)
        #expect(driver.sentencesIgnored == 1)
    }

    @Test func theModelChoosesSentencesAndFields() throws {
        var model = try DeviceModel(contentsOf: devicesDirectory.appendingPathComponent("nmea-gps.yaml").path, file: "nmea-gps.yaml")
        model.fields.removeAll { $0.name == "altitude" }
        var driver = NMEALineDriver(model: model)
        #expect(driver.sentenceTypes == ["GGA", "RMC"])
        let fields = driver.parse(line: Self.gga)?.map(\.field)
        #expect(fields == ["satellites", "latitude", "longitude", "fix_quality"])
    }
}

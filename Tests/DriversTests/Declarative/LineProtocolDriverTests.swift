import Foundation
import Testing
@testable import Drivers

struct LineProtocolDriverTests {
    func driver(_ file: String = "arduino-th-line.yaml") throws -> LineProtocolDriver {
        let model = try DeviceModel(contentsOf: devicesDirectory.appendingPathComponent(file).path, file: file)
        return try LineProtocolDriver(model: model)
    }

    @Test func theArduinoExampleLines() throws {
        var driver = try driver()
        let readings = driver.feed(Array("T=21.4;H=40\r\nT=-3.5;H=85.5\r\n".utf8))
        #expect(readings == [
            [FieldReading(field: "temperature", value: .number(21.4)), FieldReading(field: "humidity", value: .number(40))],
            [FieldReading(field: "temperature", value: .number(-3.5)), FieldReading(field: "humidity", value: .number(85.5))],
        ])
        #expect(driver.linesMatched == 2)
    }

    @Test func linesArriveInPieces() throws {
        var driver = try driver()
        #expect(driver.feed(Array("T=2".utf8)).isEmpty)
        #expect(driver.feed(Array("1.4;H=4".utf8)).isEmpty)
        #expect(driver.feed(Array("0\n".utf8)).count == 1)
    }

    @Test func garbageIsCountedAndSkipped() throws {
        var driver = try driver()
        let readings = driver.feed(Array("booting...\nT=21.4;H=\nT=1;H=2\n\u{00}\u{FF}\n".utf8))
        #expect(readings.count == 1)
        #expect(driver.linesUnmatched == 3)
        let overlong = String(repeating: "x", count: 100)
        #expect(driver.feed(Array((overlong + "\nT=1;H=2\n").utf8)).count == 1)
        #expect(driver.overlongLinesDiscarded == 1)
    }

    @Test func bytesThatAreNotUTF8AreRefusedNotACrash() throws {
        // 0xFF never occurs in UTF-8 and 0xC3 starts a sequence that does not go on: the line
        // buffer makes each a U+FFFD, which is no digit of the Arduino pattern…
        let line = Array("T=".utf8) + [0xFF, 0xC3] + Array(";H=40\n".utf8)
        var driver = try driver()
        #expect(driver.feed(line).isEmpty)
        #expect(driver.linesUnmatched == 1)
        // …and no number where a looser pattern captures it.
        var loose = try LineProtocolDriver(model: #require(loadModel(Self.loose)))
        #expect(loose.feed(line) == [[FieldReading(field: "humidity", value: .number(40))]])
        #expect(loose.valuesRefused == 1)
    }

    static let loose = """
        name: loose
        vendor: test
        bus: serial
        fields:
          - {name: temperature}
          - {name: humidity}
          - {name: mode, type: enum, choices: [heat, cool]}
          - {name: alarm, type: boolean}
        driver:
          kind: line_protocol
          pattern: 'T=(?<temperature>[^;]*);H=(?<humidity>[^;]*)(;M=(?<mode>[a-z]+))?(;A=(?<alarm>[a-z0-9]+))?'
        """

    @Test func capturesThatDoNotConvertAreCountedAndTheOthersKept() throws {
        let model = try #require(loadModel(Self.loose))
        var driver = try LineProtocolDriver(model: model)
        #expect(driver.parse(line: "T=nan;H=40;M=dry;A=on") == [
            FieldReading(field: "humidity", value: .number(40)), FieldReading(field: "alarm", value: .boolean(true)),
        ])
        #expect(driver.valuesRefused == 2)
        // Optional groups that did not take part leave their fields out.
        #expect(driver.parse(line: "T=20;H=50") == [
            FieldReading(field: "temperature", value: .number(20)), FieldReading(field: "humidity", value: .number(50)),
        ])
        #expect(driver.parse(line: "T=20;H=50;M=cool")?.last == FieldReading(field: "mode", value: .text("cool")))
    }

    @Test func everyFieldNeedsACaptureAndEveryCaptureAField() {
        let yaml = """
            name: x
            vendor: y
            bus: serial
            fields: [{name: temperature}, {name: humidity}]
            driver:
              kind: line_protocol
              pattern: 'T=(?<t>[0-9.]+) P=(?<p>[0-9.]+) (?<p2>[0-9.]+)'
              captures: {t: temperature, p: pressure, q: humidity, p2: temperature}
            """
        let errors = catalogErrors { try DeviceModel(yaml: yaml, file: "t.yaml") }
        #expect(errors.map(\.path.description) == ["fields[1].name", "driver.captures.p", "driver.captures.q", "driver.captures.p2"])
    }

    @Test func aBadPatternIsAnErrorAtLoad() {
        let yaml = "name: x\nvendor: y\nbus: serial\nfields: []\ndriver: {kind: line_protocol, pattern: 'T=(?<t>[0-9'}\n"
        let errors = catalogErrors { try DeviceModel(yaml: yaml, file: "t.yaml") }
        #expect(errors.map(\.description) == [
            #"t.yaml:5:40: driver.pattern: expected a regular expression, got "T=(?<t>[0-9" (missing terminating ] for character class at offset 11)"#,
        ])
    }
}

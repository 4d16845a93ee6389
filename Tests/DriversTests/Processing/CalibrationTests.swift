import Testing
@testable import Drivers

struct CalibrationTests {
    @Test func offsetAddsAndKeepsTheTime() {
        let filter = OffsetFilter(offset: -0.5)
        #expect(filter.accept(sample(21.4, at: 3)) == sample(20.9, at: 3))
    }

    @Test func twoPointsGiveTheLineThroughBoth() throws {
        let calibration = try #require(LinearCalibration(fitting: [
            CalibrationPoint(measured: 0.5, actual: 0), CalibrationPoint(measured: 4.5, actual: 100),
        ]))
        #expect(calibration.slope == 25)
        #expect(calibration.intercept == -12.5)
        #expect(calibration.accept(sample(2.5, at: 0))?.value == 50)
    }

    @Test func morePointsGiveTheLeastSquaresLine() throws {
        // Points near y = 2x + 1 with the end points 0.3 off: the least-squares line, not the line
        // through any two of them.
        let calibration = try #require(LinearCalibration(fitting: [
            CalibrationPoint(measured: 0, actual: 1.3), CalibrationPoint(measured: 1, actual: 3),
            CalibrationPoint(measured: 2, actual: 5), CalibrationPoint(measured: 3, actual: 6.7),
        ]))
        #expect(abs(calibration.slope - 1.82) < 1e-9)
        #expect(abs(calibration.intercept - 1.27) < 1e-9)
    }

    @Test func tooFewOrStackedPointsFitNoLine() {
        #expect(LinearCalibration(fitting: []) == nil)
        #expect(LinearCalibration(fitting: [CalibrationPoint(measured: 1, actual: 2)]) == nil)
        #expect(LinearCalibration(fitting: [
            CalibrationPoint(measured: 1, actual: 2), CalibrationPoint(measured: 1, actual: 3),
        ]) == nil)
    }
}

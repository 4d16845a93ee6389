@testable import Drivers

/// One fixed instant the processing tests count from, so every time in them is explicit.
let epoch = ContinuousClock.now

func instant(_ seconds: Double) -> ContinuousClock.Instant {
    epoch + .milliseconds(Int64((seconds * 1000).rounded()))
}

func sample(_ value: Double, at seconds: Double) -> FieldSample {
    FieldSample(value: value, time: instant(seconds))
}

/// The values a filter passes on for `values`, one second apart from t = 0.
func passed(_ filter: some FieldFilter, _ values: [Double]) -> [Double?] {
    var filter = filter
    return values.enumerated().map { index, value in filter.accept(sample(value, at: Double(index)))?.value }
}

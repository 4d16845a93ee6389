import Testing

@testable import Gateway

struct IntCountedTextTests {
    @Test(arguments: [(0, "0 devices"), (1, "1 device"), (2, "2 devices"), (100, "100 devices")])
    func oneIsSingularAndEveryOtherCountPlural(count: Int, text: String) {
        #expect(count.counted("device") == text)
    }
}

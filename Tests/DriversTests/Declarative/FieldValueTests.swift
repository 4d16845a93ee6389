import Testing
@testable import Drivers

struct FieldValueTests {
    @Test(arguments: [
        ("21.4", FieldType.numeric, FieldValue.number(21.4)), (" -3 ", .numeric, .number(-3)), ("1e2", .numeric, .number(100)),
        ("42", .int, .integer(42)), ("ON", .boolean, .boolean(true)), ("0", .boolean, .boolean(false)),
        ("low", .boolean, .boolean(false)), ("hello world", .string, .text("hello world")), ("heat", .enum, .text("heat")),
    ])
    func conversions(text: String, type: FieldType, expected: FieldValue) {
        #expect(FieldValue(text: text, type: type, choices: ["heat", "cool"]) == expected)
    }

    @Test(arguments: [
        ("nan", FieldType.numeric), ("inf", .numeric), ("", .numeric), ("21.4", .int), ("maybe", .boolean), ("dry", .enum),
    ])
    func refusedConversions(text: String, type: FieldType) {
        #expect(FieldValue(text: text, type: type, choices: ["heat", "cool"]) == nil)
    }

    @Test func numbersForProcessing() {
        #expect(FieldValue.integer(3).number == 3)
        #expect(FieldValue.boolean(true).number == nil)
    }
}

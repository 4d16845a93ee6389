import Drivers
import XMPPIoT

/// The gateway's values in the shapes of the IoT protocols and back: a device field becomes
/// an XEP-0323 field, a model parameter an XEP-0325 parameter, a wire value a field value.
enum IoTValueConversion {
    static func sensorValue(_ value: FieldValue, of field: DeviceField) -> SensorValue {
        switch value {
        case let .number(number):
            .numeric(NumericValue(number, decimals: field.precision, unit: field.unit ?? ""))
        case let .integer(whole):
            field.type == .numeric
                ? .numeric(NumericValue(Double(whole), decimals: field.precision, unit: field.unit ?? ""))
                : .int(Int32(clamping: whole))
        case let .boolean(flag):
            .boolean(flag)
        case let .text(text):
            field.type == .enum ? .enumeration(text, dataType: field.name) : .string(text)
        }
    }

    /// One field of a snapshot as a readout shows it; `nil` when it has no value yet.
    static func sensorField(_ state: FieldState, writable: Bool) -> SensorField? {
        guard let value = state.value, let measuredAt = state.measuredAt else { return nil }
        var quality: SensorFieldQuality = .automaticReadout
        if case .stale = state.freshness { quality = .stale }
        return SensorField(
            name: state.field.name, value: sensorValue(value, of: state.field), timestamp: measuredAt,
            types: .momentary, quality: quality, writable: writable)
    }

    static func parameterType(_ type: FieldType) -> ControlParameterType {
        switch type {
        case .numeric: .double
        case .int: .int
        case .boolean: .boolean
        case .string, .enum: .string
        }
    }

    static func controlValue(_ value: FieldValue) -> ControlValue {
        switch value {
        case let .number(number): .double(number)
        case let .integer(whole): .int(Int32(clamping: whole))
        case let .boolean(flag): .boolean(flag)
        case let .text(text): .string(text)
        }
    }

    /// A wire value as the device layer takes it; the device checks it against the model.
    static func fieldValue(_ value: ControlValue) -> FieldValue {
        switch value {
        case let .boolean(flag): .boolean(flag)
        case let .double(number): .number(number)
        case let .int(whole): .integer(Int(whole))
        case let .long(whole): .integer(Int(whole))
        case let .string(text): .text(text)
        default: .text(value.lexical)
        }
    }

    static func controlParameter(_ parameter: DeviceParameter, current: FieldValue?) -> ControlParameter {
        ControlParameter(
            name: parameter.name, type: parameterType(parameter.type),
            unit: parameter.unit ?? "", minimum: parameter.range?.lowerBound, maximum: parameter.range?.upperBound,
            choices: parameter.choices, writable: parameter.isWritable, currentValue: current.map(controlValue))
    }

    /// The model's parameters with their current values, as forms and chat show them.
    static func controlParameters(of model: DeviceModel, snapshot: DeviceSnapshot) -> [ControlParameter] {
        model.parameters.map { controlParameter($0, current: snapshot.parameters[$0.name]) }
    }

    /// A refusal from the device layer in the shape XEP-0325 and the forms report.
    static func parameterError(_ refusal: ControlRefusal) -> ControlParameterError {
        let reason: ControlParameterError.Reason
        switch refusal {
        case let .unknownParameter(_, known): reason = .unknownParameter(known: known)
        case .readOnly: reason = .readOnly
        case let .wrongType(_, expected): reason = .malformed(text: "", expected: parameterType(expected))
        case let .outOfRange(_, _, range, unit):
            reason = .outOfRange(minimum: range.lowerBound.spokenText, maximum: range.upperBound.spokenText, unit: unit ?? "")
        case let .notAChoice(_, _, choices): reason = .notAChoice(choices: choices)
        case .deviceFailed: reason = .malformed(text: "", expected: .string)
        }
        return ControlParameterError(parameter: refusal.parameter, reason: reason)
    }
}

import CYAML

/// libyaml's parser over one text, handing out its events one at a time.
///
/// The parser and the bytes it reads belong to the reader and are freed with it, whether
/// reading ended at the document's end or at a syntax error.
final class YAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// libyaml reads its input as events are asked for, so the bytes must stay where they
    /// are for as long as the parser lives.
    private let input: UnsafeMutableBufferPointer<UInt8>

    init(_ text: String) throws(YAMLSyntaxError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw .outOfMemory
        }
        // One byte at least, so that even an empty text has an address: libyaml refuses none.
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(text.utf8.count, 1))
        let length = input.initialize(fromContentsOf: text.utf8)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, length)
        self.parser = parser
        self.input = input
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    func next() throws(YAMLSyntaxError) -> YAMLEvent {
        var event = yaml_event_t()
        defer { yaml_event_delete(&event) }
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw error()
        }
        return YAMLEvent(event)
    }

    /// The error libyaml recorded: what it was reading (its "context", when it names one),
    /// what went wrong, and where.
    private func error() -> YAMLSyntaxError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return .outOfMemory
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let context = state.context.map { String(cString: $0) }
            return YAMLSyntaxError(
                mark: YAMLMark(state.problem_mark),
                reason: [context, problem].compactMap { $0 }.joined(separator: ": ")
            )
        default:
            // A reader error: bytes that are no text (a control character), at no line.
            return YAMLSyntaxError(mark: nil, reason: problem)
        }
    }
}

import Glibc
import Hardware
import Testing

struct FileAccessTextTests {
    @Test func readsUTF8TextAndSaysWhyNot() throws {
        let directory = try TemporaryDirectory()
        let text = try directory.write("grüße\n", to: "good.yaml")
        #expect(try FileAccess.utf8Text(of: text) == "grüße\n")

        let latin1 = directory.path + "/latin1.yaml"
        try FileAccess.replace(latin1, with: [0x67, 0x72, 0xFC, 0xDF, 0x65], permissions: 0o644, durably: false)
        #expect(throws: FileTextError.notUTF8) { try FileAccess.utf8Text(of: latin1) }
        #expect(throws: FileTextError.unreadable(SystemErrorCode(ENOENT))) {
            try FileAccess.utf8Text(of: directory.path + "/missing.yaml")
        }
        #expect(FileTextError.notUTF8.reason == "not UTF-8 text")
        #expect(FileTextError.unreadable(SystemErrorCode(ENOENT)).reason == "No such file or directory")
    }
}

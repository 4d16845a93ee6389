import FoundationEssentials
import Glibc
import Hardware
import Testing

struct SystemErrorCodeFileErrorTests {
    @Test func fileErrorsAreWordedByTheCLibrary() throws {
        let directory = try TemporaryDirectory()
        let missing = #expect(throws: (any Error).self) {
            try Data(contentsOf: URL(fileURLWithPath: directory.path + "/missing.yaml"))
        }
        #expect(missing.map(SystemErrorCode.reason(ofFileError:)) == "No such file or directory")
        let folder = #expect(throws: (any Error).self) {
            try FileManager.default.contentsOfDirectory(atPath: directory.path + "/missing")
        }
        #expect(folder.map(SystemErrorCode.reason(ofFileError:)) == "No such file or directory")
    }

    @Test func otherErrorsDescribeThemselves() {
        #expect(SystemErrorCode.reason(ofFileError: SystemErrorCode(EIO)) == "Input/output error (errno 5)")
    }
}

import Glibc
import Hardware
import Testing

struct FileAccessWritingTests {
    @Test func directoriesAreMadeWithTheirParentsAndMayExist() throws {
        let directory = try TemporaryDirectory()
        try FileAccess.createDirectory(directory.path + "/a/b/c")
        #expect(FileAccess.isDirectory(directory.path + "/a/b/c"))
        try FileAccess.createDirectory(directory.path + "/a/b/")
        let file = try directory.write("x", to: "file")
        #expect(throws: SystemErrorCode(EEXIST)) { try FileAccess.createDirectory(file) }
        #expect(throws: SystemErrorCode(ENOTDIR)) { try FileAccess.createDirectory(file + "/below") }
    }

    @Test func replacedFileHasTheNewContentsAndNoTemporaryIsLeft() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/state.json"
        try FileAccess.replace(file, with: Array("old".utf8), permissions: 0o644, durably: false)
        try FileAccess.replace(file, with: Array("new".utf8), permissions: 0o600, durably: true)
        #expect(try FileAccess.text(of: file) == "new")
        #expect(try FileAccess.entries(of: directory.path) == ["state.json"])
        var info = stat()
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(throws: SystemErrorCode(ENOENT)) {
            try FileAccess.replace(directory.path + "/missing/file", with: [], permissions: 0o644, durably: false)
        }
    }

    @Test func removalTakesFilesLinksAndWholeTrees() throws {
        let directory = try TemporaryDirectory()
        try directory.write("x", to: "tree/a/file")
        try directory.write("y", to: "kept/file")
        try FileAccess.createSymbolicLink(directory.path + "/tree/link", to: directory.path + "/kept")
        try FileAccess.remove(directory.path + "/tree/a/file")
        #expect(try FileAccess.entries(of: directory.path + "/tree/a") == [])
        try FileAccess.remove(directory.path + "/tree")
        #expect(try FileAccess.entries(of: directory.path) == ["kept"])
        // The link went, not what it pointed at.
        #expect(try FileAccess.text(of: directory.path + "/kept/file") == "y")
        #expect(throws: SystemErrorCode(ENOENT)) { try FileAccess.remove(directory.path + "/tree") }
    }
}

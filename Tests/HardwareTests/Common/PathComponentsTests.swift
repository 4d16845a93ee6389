import Hardware
import Testing

struct PathComponentsTests {
    @Test(arguments: [
        ("/etc/gateway/gateway.yaml", "/etc/gateway"), ("gateway.yaml", "."), ("/gateway.yaml", "/"),
        ("Devices/", "."), ("a//b", "a"), ("/a/b/", "/a"), ("/", "/"), ("", "."),
    ])
    func directory(path: String, directory: String) {
        #expect(PathComponents.directory(of: path) == directory)
    }

    @Test(arguments: [
        ("Devices/bme280.yaml", "bme280.yaml"), ("Devices/", "Devices"), ("Devices", "Devices"), ("/", "/"), ("", ""),
    ])
    func lastComponent(path: String, name: String) {
        #expect(PathComponents.lastComponent(of: path) == name)
    }
}

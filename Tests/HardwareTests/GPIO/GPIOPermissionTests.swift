import Glibc
import Testing

@testable import Hardware

/// "Permission denied on /dev/gpiochip0" on a machine without GPIO: a stand-in node with
/// the ownership a udev rule gives (root:dialout here — a group that surely exists — mode
/// 0660), opened by a thread whose file-system identity is `nobody`.
@Suite(.enabled(if: UnprivilegedThread.unavailableReason == nil, "changing the file-system user id needs root"))
struct GPIOPermissionTests {
    @Test func saysWhichGroupToJoin() throws {
        let directory = try TemporaryDirectory()
        let node = try directory.write("", to: "gpiochip0")
        var group = Glibc.group()
        var found: UnsafeMutablePointer<Glibc.group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        try #require(getgrnam_r("dialout", &group, &buffer, buffer.count, &found) == 0 && found != nil)
        try #require(chown(node, 0, group.gr_gid) == 0 && chmod(node, 0o660) == 0)
        // The directory must be searchable by nobody.
        try #require(chmod(directory.path, 0o755) == 0)

        let error = try UnprivilegedThread.run { () -> GPIOError? in
            do throws(GPIOError) {
                _ = try GPIOChip.open(path: node)
                return nil
            } catch {
                return error
            }
        }
        guard case .permissionDenied(let denial) = error else {
            Issue.record("expected permission denied, got \(String(describing: error))")
            return
        }
        #expect(denial.groupToJoin == "dialout")
        #expect(!denial.needsUdevRule)
        #expect(denial.owner == "root")
        #expect(denial.mode == 0o660)
        #expect(denial.description == "permission denied on \(node) (root:dialout, mode 0660): add the gateway's user to group 'dialout'")
    }

    @Test func aNodeOnlyRootMayOpenNeedsAUdevRuleFirst() {
        // /dev/null is 0666, so build the case from a path that does not exist: no
        // ownership to read, so the conventional group and a rule are proposed.
        let denial = PermissionDenial(path: "/dev/gpiochip-missing", conventionalGroup: "gpio", udevSubsystem: "gpio")
        #expect(denial.needsUdevRule)
        #expect(denial.groupToJoin == "gpio")
        #expect(denial.description.contains("SUBSYSTEM==\"gpio\", GROUP=\"gpio\", MODE=\"0660\""))
    }
}

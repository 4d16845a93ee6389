# Shared by the scripts in scripts/: sourced, never run.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are not installed yet; does nothing (and touches no
# network) when all are there, so a second run costs a fraction of a second.
ensure_apt_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The C libraries the package links and the tools its build needs.
build_packages=(libexpat1-dev libssl-dev libgpiod-dev libudev-dev libsqlite3-dev libyaml-dev libutf8proc-dev libpcre2-dev pkg-config)
# How the gateway (and the benchmarks beside it) are built for use: optimised for size, with
# the Swift runtime inside the binary so that lld keeps only the parts of it the gateway
# uses. On a kernel that maps whole page-cache folios, nearly all of a binary's code is
# resident, so smaller code is less memory (README, `iot` benchmark).
release_build_options=(-c release --static-swift-stdlib -Xswiftc -Osize)

# check DESCRIPTION COMMAND…: runs a check, prints "ok   DESCRIPTION" or "FAIL DESCRIPTION"
# (the format of the Python checks too) and counts it in checks_passed or checks_failed; the
# script goes on either way.
checks_passed=0 checks_failed=0
check() {
    local description=$1; shift
    if "$@"; then
        echo "ok   $description"
        checks_passed=$((checks_passed + 1))
    else
        echo "FAIL $description"
        checks_failed=$((checks_failed + 1))
    fi
}

require_swift() {
    command -v swift >/dev/null || die "swift is not on PATH; install Swift 6 (https://www.swift.org/install/linux/) first"
}

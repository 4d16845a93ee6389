# shellcheck shell=bash
# Shared by scripts/lib/vm/{prepare,run,selftest}: paths, the guest kernel, the cache key.
# Sourced, not executed.

VM_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VM_REPO_ROOT=$(cd "$VM_LIB_DIR/../../.." && pwd)
VM_BUILD_ROOT=$VM_REPO_ROOT/.build-vm

vm_say() { printf '%s\n' "$*" >&2; }
vm_die() { printf 'vm: %s\n' "$*" >&2; exit 125; }

# Monotonic-enough wall clock in milliseconds (bash 5 has EPOCHREALTIME).
vm_now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
vm_secs_since() { local d=$(($(vm_now_ms) - $1)); printf '%d.%01d s' $((d / 1000)) $((d % 1000 / 100)); }

# The guest kernel: the ABI name (e.g. 6.1.0-56-amd64) of the kernel that the installed
# linux-image-amd64 metapackage points at, NOT the host's running kernel. VM_KVER overrides.
vm_kver() {
  if [[ -n ${VM_KVER:-} ]]; then echo "$VM_KVER"; return; fi
  local dep
  dep=$(dpkg-query -W -f='${Depends}' linux-image-amd64 2>/dev/null || true)
  if [[ $dep =~ linux-image-([0-9][^ ,]*-amd64) ]]; then echo "${BASH_REMATCH[1]}"; return; fi
  # Fallback: the newest Debian kernel that has both an image and modules.
  local k best=
  for k in /lib/modules/*-amd64; do
    [[ -e $k ]] || continue
    k=${k##*/}
    [[ -f /boot/vmlinuz-$k ]] && best=$k
  done
  echo "$best"
}

# Cache key: guest kernel ABI + exact package version + the recipe (prepare, this file and the
# source of our own module, gw-i2c-sim.c).
# Anything that changes one of these makes prepare rebuild everything.
vm_cache_key() {
  local k=$1 ver
  ver=$(dpkg-query -W -f='${Version}' "linux-image-$k" 2>/dev/null || echo unknown)
  printf 'kernel=%s image=%s recipe=%s\n' "$k" "$ver" \
    "$(cat "$VM_LIB_DIR/prepare" "$VM_LIB_DIR/lib.sh" "$VM_LIB_DIR/gw-i2c-sim.c" | sha256sum | cut -c1-16)"
}

vm_cache_dir() { echo "$VM_BUILD_ROOT/$1"; }

# True when the cache for kernel $1 is complete and matches the current key.
vm_cache_ok() {
  local c
  c=$(vm_cache_dir "$1")
  [[ -f $c/key && -f $c/initramfs.cpio && -f $c/gpio-sim.ko && -f $c/irq_sim.ko && -f $c/gw-i2c-sim.ko ]] &&
    [[ "$(cat "$c/key")" == "$(vm_cache_key "$1")" ]]
}

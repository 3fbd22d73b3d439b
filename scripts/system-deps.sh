#!/usr/bin/env bash
# Makes sure the system packages Descent's tests need are installed, and says what it does.
#   chromium       headless browser tests, and SwiftShader: the CPU Vulkan driver that runs WebGPU without a GPU
#   libvulkan1     the Vulkan loader that Dawn (the `webgpu` package) opens
#   python3-numpy  runs the NumPy snippet of docs/FORMAT.md against the engine
# Idempotent: installs only what is missing. On Debian/Ubuntu it uses apt-get (as root, or through
# sudo without a password); elsewhere it prints what to install and fails.
set -euo pipefail

missing=()
if [ ! -x /usr/bin/chromium ] || [ ! -f /usr/lib/chromium/vk_swiftshader_icd.json ]; then
  missing+=(chromium)
fi
if ! { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q 'libvulkan\.so\.1'; then
  missing+=(libvulkan1)
fi
if ! python3 -c 'import numpy' 2>/dev/null && ! /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  missing+=(python3-numpy)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "system-deps: chromium, SwiftShader, libvulkan1 and NumPy are installed."
  exit 0
fi

echo "system-deps: installing ${missing[*]} (needed by the browser, WebGPU and format tests)."
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: no apt-get here. Install these yourself: Chromium at /usr/bin/chromium with" >&2
  echo "  SwiftShader's Vulkan driver at /usr/lib/chromium/vk_swiftshader_icd.json (or set DESCENT_CHROMIUM" >&2
  echo "  and DESCENT_SWIFTSHADER_ICD), the Vulkan loader (libvulkan.so.1), and NumPy for python3." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "system-deps: run as root, or run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "system-deps: installed ${missing[*]}."

#!/usr/bin/env bash
# Makes sure the programs and data the tests use are present; installs them from Debian's packages when run as root.
set -euo pipefail

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
{ command -v prometheus >/dev/null && command -v promtool >/dev/null; } || missing+=(prometheus)
command -v kubectl >/dev/null || missing+=(kubectl)
command -v openssl >/dev/null || missing+=(openssl)
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || missing+=(dataset-fashion-mnist)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing test dependencies from Debian's packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "Missing test dependencies. Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 2
fi

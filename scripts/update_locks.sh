#!/usr/bin/env bash
# Re-pin the lock files in requirements/ after changing a dependency in pyproject.toml:
#
#   scripts/update_locks.sh              # keeps every pin that still fits
#   scripts/update_locks.sh --upgrade    # takes the newest releases pyproject.toml allows
#
# all.txt pins the app with every extra: CI (.ci/run) and the Linux build install from it.
# app.txt and <extra>.txt pin the app alone and with one extra, at all.txt's versions (compiled
# against it): the release workflow installs from build.txt. The files pin the Python 3.11 Linux
# resolution; pip installs them as constraints (pip install -c requirements/all.txt -e ".[...]"),
# so a platform-only dependency elsewhere (colorama on Windows…) still resolves.
# Needs pip-tools (pip install pip-tools; LOCK_COMPILER=path/to/pip-compile to use another one) and
# pip's own index settings: torch 2.13.0 is the CPU build from this machine's wheel folder.
set -euo pipefail
cd "$(dirname "$0")/.."
COMPILE=${LOCK_COMPILER:-pip-compile}
OPTIONS=(--quiet --strip-extras --no-emit-index-url --no-emit-find-links --no-emit-trusted-host pyproject.toml)
"$COMPILE" "${OPTIONS[@]}" "$@" --all-extras --output-file requirements/all.txt
"$COMPILE" "${OPTIONS[@]}" --constraint requirements/all.txt --output-file requirements/app.txt
for extra in train dev build; do
    "$COMPILE" "${OPTIONS[@]}" --constraint requirements/all.txt --extra "$extra" --output-file "requirements/$extra.txt"
done

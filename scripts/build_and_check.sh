#!/usr/bin/env bash
# Build the one-folder app (build.spec) on Linux and prove that it works on its own.
#
#   scripts/build_and_check.sh            # PYTHON=path/to/python to use another environment
#
# Needs the project's environment with the build extra, at the locked versions:
#   pip install -c requirements/build.txt -e ".[build]"   (CI: requirements/all.txt with every extra)
# Steps (any failure stops the script with a non-zero exit code):
#   0. the build machine has the libraries the Qt xcb plugin loads (PyInstaller bundles only what
#      it finds), and Xvfb and xwininfo for step 6; as root on Debian/Ubuntu, apt-get installs
#      what is missing, elsewhere the script names the packages and stops
#   1. build dist/FaceScoreJudge/ with PyInstaller, timed
#   2. contents: the model, its card and resources/ are in; training/, TensorFlow, Keras, torch,
#      scikit-learn, matplotlib, pytest... are not (scripts/check_build.py contents)
#   3. size: the folder is at most MAX_MB MiB (du)
#   4. --self-test of the built executable, run from another folder with an empty environment
#      (env -i, no virtual environment on PATH): exit 0 and the same sample-face score as the
#      source tree's `python -m desktop --self-test` (within 0.01)
#   5. the built GUI starts offscreen, loads its model and quits (FACESCORE_EXIT_WHEN_READY=1)
#   6. a real window: the built app on an Xvfb screen through the xcb platform plugin, from env -i;
#      xwininfo finds its window, a screenshot once the model is ready (SCREENSHOT=path, default
#      dist/FaceScoreJudge-xcb.png), and every library it mapped is in the folder or on the short
#      list of base system libraries (scripts/check_linux_build.py window)
#   7. the same list for every library a bundled Qt plugin loads, by ldd
#      (scripts/check_linux_build.py libraries)
#   8. the camera path: a capture from a video "camera" stores the same score as the source tree
#      (scripts/check_build.py capture)
#   9. start-up budget: median of 5 cold starts of the built executable (build folder evicted
#      from the file cache before each), window shown <= MAX_SHOWN_S, model ready <= MAX_READY_S
#      (python -m benchmarks.desktop_startup --executable ... --cold)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
NAME=FaceScoreJudge
APP=$ROOT/dist/$NAME
EXE=$APP/$NAME
MAX_MB=400
MAX_SHOWN_S=2
MAX_READY_S=5
TOLERANCE=0.01
SCREENSHOT=${SCREENSHOT:-$ROOT/dist/$NAME-xcb.png}
# Debian/Ubuntu packages of the libraries the Qt xcb plugin loads beyond libX11/libxcb, and of the tools of step 6
XCB_PACKAGES=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
              libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 libxcb-util1 libxkbcommon0
              libxkbcommon-x11-0 libx11-xcb1)
TOOL_PACKAGES=(xvfb x11-utils)

SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
# the sample-face score in a line such as "facescore-judge self-test OK: sample_face.jpg 3.26 ± 0.29, ..."
score_of() { sed -nE 's/.*self-test OK: [^ ]+ ([0-9]+\.[0-9]+) .*/\1/p' <<<"$1"; }
# run the built executable as a double-click would: another folder, an empty environment
run_frozen() {
    local home
    home=$(mktemp -d -p "$SCRATCH")
    (cd "$SCRATCH" && env -i HOME="$home" PATH=/usr/bin:/bin "$@")
}

# Install Debian/Ubuntu packages with apt-get as root (or through sudo without a password, as on
# CI runners); otherwise say which ones are needed.
install_packages() {
    local as_root=()
    [[ $(id -u) == 0 ]] || as_root=(sudo -n)
    if command -v apt-get >/dev/null && "${as_root[@]}" true 2>/dev/null; then
        echo "installing: $*"
        "${as_root[@]}" apt-get update -qq
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    else
        fail "install these packages first (or their equivalents): $*"
    fi
}

step "0. build machine: the xcb plugin's libraries, Xvfb and xwininfo"
qt_dir=$("$PYTHON" -c 'import pathlib, PySide6; print(pathlib.Path(PySide6.__file__).parent / "Qt")')
missing_libraries() {
    LD_LIBRARY_PATH="$qt_dir/lib" ldd "$qt_dir/plugins/platforms/libqxcb.so" | awk '/not found/ { print $1 }'
}
missing=$(missing_libraries)
if [[ -n $missing ]]; then
    echo "missing: $(echo $missing)"
    install_packages "${XCB_PACKAGES[@]}"
    missing=$(missing_libraries)
    [[ -z $missing ]] || fail "still missing after the install: $(echo $missing)"
fi
command -v Xvfb >/dev/null && command -v xwininfo >/dev/null || install_packages "${TOOL_PACKAGES[@]}"
echo "the xcb plugin's libraries are all here; $(command -v Xvfb), $(command -v xwininfo)"

step "1. build ($("$PYTHON" -m PyInstaller --version) from build.spec)"
started=$(date +%s.%N)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN build.spec
build_s=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
[[ -x $EXE ]] || fail "no executable at $EXE"
echo "built $APP in ${build_s} s"

step "2. contents"
"$PYTHON" scripts/check_build.py contents "$APP"

step "3. size"
size_mb=$(du -sm "$APP" | cut -f1)
du -sh "$APP"
(( size_mb <= MAX_MB )) || fail "the build is ${size_mb} MiB, over the ${MAX_MB} MiB budget"

step "4. self-test: source tree vs built executable (env -i, from $SCRATCH)"
source_out=$("$PYTHON" -m desktop --self-test 2>/dev/null) || fail "the source tree's self-test failed"
frozen_rc=0
frozen_out=$(run_frozen "$EXE" --self-test 2>"$SCRATCH/self-test.log") || frozen_rc=$?
echo "source: $source_out"
echo "built:  $frozen_out"
(( frozen_rc == 0 )) || fail "the built self-test exited $frozen_rc: $(tail -5 "$SCRATCH/self-test.log")"
source_score=$(score_of "$source_out")
frozen_score=$(score_of "$frozen_out")
[[ -n $source_score && -n $frozen_score ]] || fail "no score in the self-test output"
awk -v a="$source_score" -v b="$frozen_score" -v t="$TOLERANCE" \
    'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t + 1e-9) }' \
    || fail "scores differ: source $source_score, built $frozen_score"
echo "same score: $frozen_score (tolerance $TOLERANCE)"

step "5. built GUI, offscreen: window, model ready, quit"
gui_rc=0
gui_out=$(run_frozen QT_QPA_PLATFORM=offscreen FACESCORE_EXIT_WHEN_READY=1 timeout 120 \
    "$EXE" --data-dir "$SCRATCH/gui-data" 2>"$SCRATCH/gui.log") || gui_rc=$?
echo "$gui_out"
(( gui_rc == 0 )) || fail "the built GUI exited $gui_rc: $(tail -5 "$SCRATCH/gui.log")"
grep -q '^READY ' <<<"$gui_out" || fail "the built GUI never reported READY"

step "6. a real window: xcb platform under Xvfb, env -i"
"$PYTHON" scripts/check_linux_build.py window "$EXE" "$SCREENSHOT"

step "7. libraries the bundled Qt plugins load: in the folder or base system ones (ldd)"
"$PYTHON" scripts/check_linux_build.py libraries "$APP"

step "8. camera path: capture from a video camera, source tree vs built executable"
"$PYTHON" scripts/check_build.py capture "$EXE"

step "9. start-up budget: median of 5 cold starts of the built executable"
"$PYTHON" -m benchmarks.desktop_startup --executable "$EXE" --cold --repetitions 1 --starts 5
read -r shown_s ready_s < <("$PYTHON" -c '
import json; r = json.load(open("benchmarks/results/desktop_startup_frozen_cold.json"))
print("%.2f %.2f" % (r["shown_s"], r["model_ready_s"]))')
awk -v s="$shown_s" -v r="$ready_s" -v ms="$MAX_SHOWN_S" -v mr="$MAX_READY_S" 'BEGIN { exit !(s <= ms && r <= mr) }' \
    || fail "start-up over budget: window ${shown_s} s (<= ${MAX_SHOWN_S}), model ready ${ready_s} s (<= ${MAX_READY_S})"

step "all checks passed"
echo "build ${build_s} s; folder ${size_mb} MiB (<= ${MAX_MB}); self-test score ${frozen_score} = source;"
echo "cold start, median of 5: window ${shown_s} s (<= ${MAX_SHOWN_S}), model ready ${ready_s} s (<= ${MAX_READY_S})"

"""Linux checks of the frozen build: it needs only what every desktop has; run by build_and_check.sh.

    python scripts/check_linux_build.py libraries dist/FaceScoreJudge
    python scripts/check_linux_build.py window dist/FaceScoreJudge/FaceScoreJudge SCREENSHOT.png

libraries: every library that a bundled Qt plugin loads (``ldd``, with the library path the
    executable's bootloader sets) resolves inside the folder or is one of SYSTEM_LIBRARIES.
window: the built app, started from another folder with an empty environment (only HOME, PATH,
    DISPLAY and QT_QPA_PLATFORM=xcb), opens its main window on an Xvfb screen through the real
    xcb platform plugin; ``xwininfo -root -tree`` finds the window, the screenshot is taken once the
    model is ready (its log says so), and every library the running app has mapped
    (/proc/PID/maps) lies inside the folder or is one of SYSTEM_LIBRARIES.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# What the folder may take from the system: the base every Linux desktop has, short on purpose.
SYSTEM_LIBRARIES = {
    # glibc (a build runs where glibc is as new as the build machine's or newer)
    "ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
    "libresolv.so.2",  # glibc's resolver, which the printing plugin (CUPS) loads
    # the graphics driver's OpenGL/EGL (libglvnd): must match the machine's driver
    "libGL.so.1", "libEGL.so.1", "libGLX.so.0", "libGLdispatch.so.0", "libOpenGL.so.0",
    # libX11's core connection library (its ABI is the X server's protocol)
    "libxcb.so.1",
    # Wayland's client libraries, which every Wayland session has (only the wayland plugin loads them)
    "libwayland-client.so.0", "libwayland-cursor.so.0", "libwayland-egl.so.1",
}
SCREEN = "1366x768x24"
TITLE = "FaceScore Judge"
MIN_WIDTH = 640  # the main window, not Qt's 1x1 helper windows of the same name
TIMEOUT_S = 120


def soname(path: str) -> str:
    """libxcb.so.1.1.0 -> libxcb.so.1 (the name ldd and SYSTEM_LIBRARIES use)."""
    match = re.match(r"(.*\.so\.\d+)", Path(path).name)
    return match[1] if match else Path(path).name


def check_libraries(folder: Path) -> list[str]:
    internal = folder / "_internal"
    plugins = sorted((internal / "PySide6" / "Qt" / "plugins").rglob("*.so"))
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(internal)}  # as the bootloader sets it
    problems, from_system = [], set()
    for plugin in plugins:
        listing = subprocess.run(["ldd", str(plugin)], env=env, capture_output=True, text=True, check=True).stdout
        for line in listing.splitlines():
            if "=>" not in line:
                continue  # the vDSO and the dynamic loader itself
            name, target = (part.strip() for part in line.split("=>", 1))
            path = target.split(" (")[0]
            if path.startswith(str(internal)):
                continue
            if name in SYSTEM_LIBRARIES:
                from_system.add(name)
            else:
                problems.append(f"{plugin.relative_to(internal)} needs {name} from {path}, outside the folder "
                                "and not a base system library")
    print(f"libraries: {len(plugins)} Qt plugins; from the system only {', '.join(sorted(from_system))}")
    return sorted(set(problems))


def start_xvfb() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def main_window(display: str) -> str | None:
    tree = subprocess.run(["xwininfo", "-display", display, "-root", "-tree"],
                          capture_output=True, text=True, check=False).stdout
    for line in tree.splitlines():
        match = re.search(r'"([^"]*' + re.escape(TITLE) + r')":.*?\s(\d+)x(\d+)[+-]', line)
        if match and int(match[2]) >= MIN_WIDTH:
            return line.strip()
    return None


def wait_for(condition, what: str, process: subprocess.Popen, log: Path):
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited ({process.returncode}) before {what}; its output:\n"
                               f"{log.read_text(errors='replace')[-3000:]}")
        if result := condition():
            return result
        time.sleep(0.2)
    raise RuntimeError(f"no {what} within {TIMEOUT_S} s; the app's output:\n{log.read_text(errors='replace')[-3000:]}")


def mapped_outside(pid: int, folder: Path) -> set[str]:
    maps = Path(f"/proc/{pid}/maps").read_text()
    paths = set(re.findall(r"(/\S+\.so(?:\.[\d.]+)?)$", maps, re.MULTILINE))
    return {path for path in paths if not path.startswith(str(folder))}


def check_window(executable: Path, screenshot: Path) -> list[str]:
    from PIL import ImageGrab  # Pillow talks to the X server itself: no screenshot tool needed

    folder = executable.parent
    server, display = start_xvfb()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        (scratch / "home").mkdir()
        output = scratch / "app.log"
        env = {"HOME": str(scratch / "home"), "PATH": "/usr/bin:/bin", "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        with open(output, "w") as sink:
            app = subprocess.Popen([str(executable), "--data-dir", str(scratch / "data")], cwd=scratch, env=env,
                                   stdout=sink, stderr=subprocess.STDOUT)
        try:
            window = wait_for(lambda: main_window(display), "main window on the X screen", app, output)
            app_log = scratch / "data" / "logs" / "facescore-judge.log"
            wait_for(lambda: app_log.is_file() and re.search(r"model \S+ ready", app_log.read_text()),
                     "model ready in the app's log", app, output)
            time.sleep(0.5)  # let the status bar repaint
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            ImageGrab.grab(xdisplay=display).save(screenshot)
            outside = mapped_outside(app.pid, folder)
        finally:
            app.terminate()
            app.wait(timeout=30)
            server.terminate()
            server.wait(timeout=30)
    print(f"window: {window}")
    print(f"screenshot: {screenshot}")
    unexpected = sorted(path for path in outside if soname(path) not in SYSTEM_LIBRARIES)
    print(f"mapped from the system: {', '.join(sorted(soname(path) for path in outside))}")
    return [f"the running app loaded {path}, outside the folder and not a base system library"
            for path in unexpected]


def main() -> int:
    command = sys.argv[1:2]
    if command == ["libraries"] and len(sys.argv) == 3:
        problems = check_libraries(Path(sys.argv[2]).resolve())
    elif command == ["window"] and len(sys.argv) == 4:
        problems = check_window(Path(sys.argv[2]).resolve(), Path(sys.argv[3]).resolve())
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The frozen build's entry point (build.spec): the same as ``python -m desktop``.

desktop.app.main calls multiprocessing.freeze_support() and sets OpenCV's Windows camera
variable before anything imports cv2; they are repeated here, first thing, so that no import
added to desktop.app later can come before them.
"""

import multiprocessing
import os

if __name__ == "__main__":
    multiprocessing.freeze_support()
    os.environ.setdefault("OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS", "0")

    from desktop.app import main

    raise SystemExit(main())

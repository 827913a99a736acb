"""FaceScore Judge desktop app: a thin Qt view over ``core``.

Qt lives only here. Heavy modules (the model runtime, OpenCV sources) are
imported inside the worker threads so the window shows at once.
"""

"""FaceScore core: everything the app does that is not Qt.

Faces (detection, quality, alignment), scoring, contests, ranking and export.
Never imports Qt or ``training``.
"""

"""The app's colours, named for what they mean. Widgets take their colours and the style sheets
built from them here, so one meaning has one colour everywhere."""

from __future__ import annotations

ERROR = "#c62828"  # something went wrong or needs the judge's attention; a tie in a rank
GOOD = "#1b5e20"  # a result stored, the model ready, the current capture
MUTED = "#666666"  # waiting, or filled in by the app rather than typed
ABSENT = "#888888"  # not captured yet, or replaced by a retake
FACE_OK = "#2e9e44"  # the preview's face box when every check passes
FACE_WARN = "#e0a000"  # ... when one fails
PREVIEW_BACKGROUND = "#1e1e1e"
PREVIEW_TEXT = "#dddddd"
PREVIEW_OVERLAY = "#ffffff"  # the frame rate drawn over the picture
PREVIEW_OVERLAY_BAND = "#96000000"  # behind it (ARGB): readable on a white backdrop too
PROBLEM_BACKGROUND = "#fde0dc"  # a roster row that will be skipped
INVALID_BACKGROUND = "#ffebee"  # a mark being typed that is not valid
CURRENT_BACKGROUND = "#e8f5e9"  # the current capture in the history
EDITABLE_BACKGROUND = "#fffbe6"  # a mark cell a judge may type in
NOTE_BACKGROUND = "#fff3cd"  # the advisory note
PRINT_HEADING_BACKGROUND = "#e8e8e8"  # printed sheets: table headings
PRINT_RULE = "#bbbbbb"  # printed sheets: lines between rows
PRINT_SECONDARY = "#555555"  # printed sheets: each judge's marks under the combined one
PRINT_TEXT = "#333333"  # printed sheets: the rules

ERROR_STYLE = f"color: {ERROR};"
ERROR_EMPHASIS_STYLE = f"color: {ERROR}; font-weight: 600;"
GOOD_STYLE = f"color: {GOOD};"
MUTED_STYLE = f"color: {MUTED};"
RESULT_STYLE = f"color: {GOOD}; font-size: 15pt; font-weight: 600;"
INVALID_STYLE = f"background: {INVALID_BACKGROUND}; color: {ERROR};"

"""What went wrong, in the judge's language.

``core`` reports problems as data: an error or a roster row's problem carries a ``code`` and
its ``params``, a face check a ``QualityIssue``. This is the one table that turns them into
sentences; each English text is ``core``'s own, and Qt's translation files hold the others.
A code missing here falls back to ``core``'s English ``str()``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.errors import FaceScoreError, ImageLoadError
from core.score import NATIVE_SCALE, ScoreScale
from core.tabulation import TabulationError

CONTEXT = "ErrorText"
TEXTS = {
    # core.quality.QualityIssue values (also the code of core.faces.FaceQualityError)
    "no_face": QT_TRANSLATE_NOOP("ErrorText", "No face found: face the camera, uncovered and well lit."),
    "multiple_faces": QT_TRANSLATE_NOOP(
        "ErrorText", "More than one face in view: only the contestant should be in frame."),
    "face_too_small": QT_TRANSLATE_NOOP(
        "ErrorText", "The face is too small: come closer to the camera, or use a photo in which the face is larger."),
    "not_frontal": QT_TRANSLATE_NOOP("ErrorText", "The head is turned or tilted: look straight into the camera."),
    "blurred": QT_TRANSLATE_NOOP("ErrorText", "The image is blurred: hold still, or clean and focus the camera."),
    "too_dark": QT_TRANSLATE_NOOP("ErrorText", "The face is too dark: add light in front of the contestant."),
    "overexposed": QT_TRANSLATE_NOOP(
        "ErrorText", "The face is overexposed: reduce the light or move out of direct light."),
    "noisy": QT_TRANSLATE_NOOP("ErrorText", "The image is grainy (camera noise): add light in front of the contestant."),
    # core.capture.score_burst
    "burst_disagrees": QT_TRANSLATE_NOOP(
        "ErrorText", "The frames of the burst disagree (scores spread {spread}, more than the score's error "
                     "{error}): keep only the contestant in view and capture again."),
    # ValidationError
    "number_empty": QT_TRANSLATE_NOOP("ErrorText", "The contestant number is empty."),
    "name_empty": QT_TRANSLATE_NOOP("ErrorText", "The contestant name is empty."),
    "number_taken": QT_TRANSLATE_NOOP("ErrorText", "Number {number} is already used by {name}."),
    "number_taken_since_removal": QT_TRANSLATE_NOOP(
        "ErrorText", "Number {number} is now used by {other}; give {other} another number to restore {name}."),
    # core.roster.RosterProblem
    "number_missing": QT_TRANSLATE_NOOP("ErrorText", "The number is missing."),
    "number_in_contest": QT_TRANSLATE_NOOP("ErrorText", "Number {number} is already in the contest."),
    "number_repeated": QT_TRANSLATE_NOOP("ErrorText", "Number {number} is already used at line {line}."),
    "name_missing": QT_TRANSLATE_NOOP("ErrorText", "The name is empty."),
    "number_leading_zeros": QT_TRANSLATE_NOOP(
        "ErrorText", "Number {number} differs from number {other} at line {line} only in leading zeros."),
    "number_leading_zeros_in_contest": QT_TRANSLATE_NOOP(
        "ErrorText", "Number {number} differs from number {other} in the contest only in leading zeros."),
    "row_over_several_lines": QT_TRANSLATE_NOOP(
        "ErrorText", "This row runs over lines {line}–{last}: a quotation mark is probably not closed, so it took "
                     "in '{taken}'."),
    # StoreError
    "contest_open_failed": QT_TRANSLATE_NOOP("ErrorText", "Cannot open contest file {path}: {reason}"),
    "contest_damaged": QT_TRANSLATE_NOOP(
        "ErrorText", "{path} is damaged or is not a FaceScore contest file ({reason})."),
    "contest_folder_missing": QT_TRANSLATE_NOOP(
        "ErrorText", "Cannot create contest file {path}: the folder does not exist."),
    "contest_is_folder": QT_TRANSLATE_NOOP("ErrorText", "{path} is a folder, not a contest file."),
    "contest_folder_read_only": QT_TRANSLATE_NOOP(
        "ErrorText", "The folder of {path} is read-only, so changes to the contest cannot be saved there; copy the "
                     "contest file to a folder you can write to and open it there."),
    "contest_file_read_only": QT_TRANSLATE_NOOP(
        "ErrorText", "{path} is read-only, so changes to the contest cannot be saved; make the file writable or "
                     "copy it."),
    "contest_unreadable": QT_TRANSLATE_NOOP("ErrorText", "Cannot read contest file {path}: {reason}."),
    "not_a_contest_file": QT_TRANSLATE_NOOP("ErrorText", "{path} is not a FaceScore contest file."),
    "foreign_database": QT_TRANSLATE_NOOP(
        "ErrorText", "{path} is an SQLite database but not a FaceScore contest file."),
    "contest_too_new": QT_TRANSLATE_NOOP(
        "ErrorText", "{path} was made by a newer version of FaceScore Judge; update the app to open it."),
    "contest_save_failed": QT_TRANSLATE_NOOP("ErrorText", "Could not save to {path}: {reason}."),
    "contest_read_failed": QT_TRANSLATE_NOOP("ErrorText", "Could not read {path}: {reason}."),
    "contest_file_missing": QT_TRANSLATE_NOOP(
        "ErrorText", "The contest file {path} was moved, renamed or deleted while it was open; open it again from "
                     "where it is now."),
    "no_contest_file": QT_TRANSLATE_NOOP("ErrorText", "There is no contest file {path}."),
    "criteria_locked": QT_TRANSLATE_NOOP("ErrorText", "The criteria cannot change once marks are entered."),
    "reopen_head_judge_missing": QT_TRANSLATE_NOOP("ErrorText", "Reopening needs the head judge's name."),
    "reopen_reason_missing": QT_TRANSLATE_NOOP("ErrorText", "Reopening needs its reason."),
    "contest_finalized": QT_TRANSLATE_NOOP("ErrorText", "The contest is finalized: reopen it to make changes."),
    "contestant_not_removed": QT_TRANSLATE_NOOP(
        "ErrorText", "Contestant {contestant_id} is not among the removed contestants."),
    "contestant_not_found": QT_TRANSLATE_NOOP("ErrorText", "Contestant {contestant_id} is not in this contest."),
    "backup_failed": QT_TRANSLATE_NOOP("ErrorText", "Could not back up {path} to {folder}: {reason}."),
    "restore_target_exists": QT_TRANSLATE_NOOP("ErrorText", "{path} already exists."),
    "restore_failed": QT_TRANSLATE_NOOP("ErrorText", "Could not restore the backup {path}: {reason}."),
    "delete_contest_failed": QT_TRANSLATE_NOOP("ErrorText", "Could not delete {path}: {reason}."),
    # RosterError
    "roster_xls": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{file}: the old Excel .xls format is not supported; save it as .xlsx or CSV in Excel and import that."),
    "roster_unsupported_type": QT_TRANSLATE_NOOP("ErrorText", "{file}: unsupported file type; use CSV, TXT or XLSX."),
    "roster_empty": QT_TRANSLATE_NOOP("ErrorText", "{file}: the file is empty."),
    "roster_header_only": QT_TRANSLATE_NOOP("ErrorText", "{file}: the file has a header row but no contestants."),
    "roster_unreadable": QT_TRANSLATE_NOOP("ErrorText", "{file}: cannot read the file ({reason})."),
    "roster_binary": QT_TRANSLATE_NOOP("ErrorText", "{file}: this is not a text roster (it looks like binary data)."),
    "roster_bad_line": QT_TRANSLATE_NOOP("ErrorText", "{file}: line {line} cannot be read ({reason})."),
    "roster_unknown_encoding": QT_TRANSLATE_NOOP(
        "ErrorText", "{file}: the text encoding is not recognised; save the file as UTF-8 CSV."),
    "roster_bad_workbook": QT_TRANSLATE_NOOP("ErrorText", "{file}: not a readable Excel workbook ({reason})."),
    "roster_no_sheet": QT_TRANSLATE_NOOP("ErrorText", "{file}: the workbook has no sheet {sheet!r}."),
    "roster_not_a_file": QT_TRANSLATE_NOOP("ErrorText", "{file}: this is not a regular file."),
    "roster_too_large": QT_TRANSLATE_NOOP("ErrorText", "{file}: the file is too large for a roster (over {limit} MiB)."),
    "roster_header_missing": QT_TRANSLATE_NOOP(
        "ErrorText", "{file}: the header row has no {column} column (expected e.g. '{column}' or '{example}')."),
    # core.criteria.CriteriaError
    "no_criteria": QT_TRANSLATE_NOOP("ErrorText", "Define at least one criterion."),
    "criterion_without_name": QT_TRANSLATE_NOOP("ErrorText", "A criterion has no name."),
    "criterion_twice": QT_TRANSLATE_NOOP("ErrorText", "Criterion {name} is defined twice."),
    "weight_not_positive": QT_TRANSLATE_NOOP("ErrorText", "The weight of {name} must be more than 0 %."),
    "empty_range": QT_TRANSLATE_NOOP(
        "ErrorText", "The range of {name} ({low:g}–{high:g}) is empty: the highest mark must be above the lowest, "
                     "and the lowest at least 0."),
    "bad_step": QT_TRANSLATE_NOOP(
        "ErrorText", "The step of {name} ({step:g}) must be more than 0 and divide its range {low:g}–{high:g}."),
    "weights_not_100": QT_TRANSLATE_NOOP("ErrorText", "The weights add up to {total:g} %, not 100 %."),
    "advisory_twice": QT_TRANSLATE_NOOP(
        "ErrorText", "Only one criterion can be the advisory face score, not {names}."),
    "unreadable_criterion": QT_TRANSLATE_NOOP(
        "ErrorText", "Cannot read criterion {text!r}: write NAME=WEIGHT, optionally followed by :LOW-HIGH and "
                     ":STEP (e.g. Poise=40:1-10:0.1)."),
    "unknown_criterion": QT_TRANSLATE_NOOP("ErrorText", "There is no criterion {name}; the criteria are {names}."),
    "mark_not_a_number": QT_TRANSLATE_NOOP(
        "ErrorText", "{text!r} is not a number; {name} takes a mark from {low:g} to {high:g}."),
    "advisory_not_marked": QT_TRANSLATE_NOOP(
        "ErrorText", "{name} is the advisory face score; it is not marked by hand."),
    "mark_out_of_range": QT_TRANSLATE_NOOP(
        "ErrorText", "A mark for {name} must be from {low:g} to {high:g}, not {value:g}."),
    "mark_off_step": QT_TRANSLATE_NOOP(
        "ErrorText", "A mark for {name} goes in steps of {step:g}, so {value:g} is not one."),
    # core.tabulation.TabulationError (its mismatches follow, one a line)
    "no_files": QT_TRANSLATE_NOOP("ErrorText", "Choose at least one judge's contest file."),
    "too_few_judges_to_drop": QT_TRANSLATE_NOOP(
        "ErrorText", "Dropping the highest and lowest mark needs at least {minimum} judges, not {judges}."),
    "files_do_not_match": QT_TRANSLATE_NOOP("ErrorText", "The files do not match; nothing was combined:"),
    # core.tabulation.Mismatch
    "other_contest": QT_TRANSLATE_NOOP("ErrorText", "{file} is from contest {contest!r}, not {expected!r}."),
    "other_criteria": QT_TRANSLATE_NOOP(
        "ErrorText", "{file} has other criteria or weights: {criteria} instead of {expected}."),
    "no_judge": QT_TRANSLATE_NOOP("ErrorText", "{file} holds no judge's name."),
    "same_judge": QT_TRANSLATE_NOOP("ErrorText", "Two files hold the marks of {judge}: {other_file} and {file}."),
    "other_name": QT_TRANSLATE_NOOP(
        "ErrorText", "Number {number} is {name} in {file} but {expected} in {other_file}."),
    "other_division": QT_TRANSLATE_NOOP(
        "ErrorText", "Number {number} is in division {division!r} in {file} but {expected!r} in {other_file}."),
    "missing_contestant": QT_TRANSLATE_NOOP("ErrorText", "Number {number} ({name}) is missing from {file}."),
    "unmarked": QT_TRANSLATE_NOOP(
        "ErrorText", "{file} has no mark for number {number} ({name}) in {criterion}, which other judges marked."),
    # core.photo_import
    "photo_no_number": QT_TRANSLATE_NOOP("ErrorText", "{file}: the name does not begin with a contestant number"),
    "photo_no_contestant": QT_TRANSLATE_NOOP("ErrorText", "{file}: no contestant has number {number}"),
    "photos_unusable": QT_TRANSLATE_NOOP("ErrorText", "None of the {count} photos could be used: {files}"),
    "photos_disagree": QT_TRANSLATE_NOOP(
        "ErrorText", "The photos disagree (scores spread {spread}, more than the score's error {error}): are they "
                     "all of this contestant? Score them one at a time."),
    # ExportError
    "export_bad_suffix": QT_TRANSLATE_NOOP("ErrorText", "Cannot export to {path}: use a .csv or .xlsx file name."),
    "audit_bad_suffix": QT_TRANSLATE_NOOP("ErrorText", "Cannot export the audit log to {path}: use a .csv file name."),
    "results_bad_suffix": QT_TRANSLATE_NOOP("ErrorText",
                                            "Cannot export to {path}: use a .csv, .xlsx or .pdf file name."),
    "export_failed": QT_TRANSLATE_NOOP("ErrorText", "Could not export to {path}: {reason}."),
    "export_file_read_only": QT_TRANSLATE_NOOP(
        "ErrorText", "Could not export to {path}: the file is read-only; choose another name, or make the file "
                     "writable first."),
    "export_folder_not_writable": QT_TRANSLATE_NOOP(
        "ErrorText", "Could not export to {path}: the folder {folder} cannot be written to."),
    "export_folder_missing": QT_TRANSLATE_NOOP("ErrorText", "Could not export to {path}: the folder does not exist."),
    "export_disk_full": QT_TRANSLATE_NOOP("ErrorText", "Could not export to {path}: the disk is full."),
    "export_file_locked": QT_TRANSLATE_NOOP(
        "ErrorText", "Could not export to {path}: permission denied (is the file open in another program?)."),
    # ImageLoadError (shown after "Cannot read the photo:")
    "image_not_found": QT_TRANSLATE_NOOP("ErrorText", "{file}: file not found"),
    "image_empty": QT_TRANSLATE_NOOP("ErrorText", "{file}: the file is empty"),
    "image_is_folder": QT_TRANSLATE_NOOP("ErrorText", "{file}: this is a folder, not an image file"),
    "image_too_large": QT_TRANSLATE_NOOP(
        "ErrorText", "{file}: image too large ({width}x{height}; at most {limit} megapixels)"),
    "image_too_large_to_open": QT_TRANSLATE_NOOP("ErrorText", "{file}: image too large (over {limit} megapixels)"),
    "image_unreadable": QT_TRANSLATE_NOOP("ErrorText", "{file}: not a readable image ({reason})"),
    "image_damaged": QT_TRANSLATE_NOOP("ErrorText", "{file}: the image is damaged or truncated ({reason})"),
    # ModelError
    "card_not_found": QT_TRANSLATE_NOOP("ErrorText", "model card not found: {path}"),
    "card_unreadable": QT_TRANSLATE_NOOP("ErrorText", "model card unreadable: {path} ({reason})"),
    "card_incomplete": QT_TRANSLATE_NOOP("ErrorText", "model card {file} lacks '{key}'"),
    "card_malformed": QT_TRANSLATE_NOOP("ErrorText", "model card {file}: '{key}' is malformed"),
    "error_model_malformed": QT_TRANSLATE_NOOP("ErrorText", "model card: 'error_model' is malformed"),
    "card_input_size_mismatch": QT_TRANSLATE_NOOP(
        "ErrorText", "model card {file} says input size {declared}, but the model takes {actual}"),
    "model_not_found": QT_TRANSLATE_NOOP("ErrorText", "model file not found: {path}"),
    "model_checksum": QT_TRANSLATE_NOOP(
        "ErrorText", "model file {file} does not match its model card (sha256 {actual}… instead of {expected}…): "
                     "it is damaged or was replaced; reinstall the app"),
    "model_checksum_copy": QT_TRANSLATE_NOOP(
        "ErrorText", "model file {path} does not match its model card (sha256 {actual}… instead of {expected}…): "
                     "it is damaged or was replaced; copy the model's folder again from where it was exported"),
    "card_calibration_mismatch": QT_TRANSLATE_NOOP(
        "ErrorText", "model card {path}: its score offset and error model are not the ones version {version} was "
                     "calibrated with (edited after `facescore calibrate`?); run `facescore calibrate` on it again, "
                     "or use the card the model came with"),
    "preprocessing_mismatch": QT_TRANSLATE_NOOP(
        "ErrorText", "model {model} was trained on faces prepared as '{declared}', but this app prepares them as "
                     "'{expected}'; export the model again with this version of the training package"),
    "model_unloadable": QT_TRANSLATE_NOOP("ErrorText", "model file cannot be loaded: {reason}"),
    # CameraError
    "camera_unavailable": QT_TRANSLATE_NOOP(
        "ErrorText", "Camera {index} cannot be opened; is it connected and not in use by another program?"),
    "video_not_found": QT_TRANSLATE_NOOP("ErrorText", "Video file {path} not found."),
    "video_unplayable": QT_TRANSLATE_NOOP(
        "ErrorText", "{file} cannot be played: not a video, or a format OpenCV cannot decode."),
    "folder_not_found": QT_TRANSLATE_NOOP("ErrorText", "Folder {path} not found."),
    "folder_without_images": QT_TRANSLATE_NOOP("ErrorText", "Folder {path} holds no images ({suffixes})."),
    "no_source": QT_TRANSLATE_NOOP("ErrorText", "No camera, video file or image folder was given."),
}
# Params that are widths on the raters' 1–5 scale (core's English says them so): shown on the judge's scale.
SCORE_WIDTHS = {"burst_disagrees": ("spread", "error"), "photos_disagree": ("spread", "error")}


def describe(code: str, params: dict, english: str) -> str:
    """The sentence for ``code`` with ``params``; ``english`` when the code is not in TEXTS."""
    text = TEXTS.get(code)
    return english if text is None else QCoreApplication.translate(CONTEXT, text).format(**params)


def describe_problem(problem) -> str:
    """A roster row's problem (core.roster.RosterProblem) or a tabulation mismatch
    (core.tabulation.Mismatch), in the current language."""
    return describe(problem.code, problem.params, str(problem))


def describe_issue(issue) -> str:
    """A core.quality.QualityIssue, in the current language."""
    return describe(issue.value, {}, issue.message)


def describe_error(error: BaseException, scale: ScoreScale = NATIVE_SCALE) -> str:
    """What went wrong, in the current language; score widths in it on ``scale``."""
    if not isinstance(error, FaceScoreError):
        return QCoreApplication.translate("ErrorText", "Unexpected error: {detail}").format(
            detail=f"{type(error).__name__}: {error}")
    if isinstance(error, TabulationError) and error.mismatches:
        heading = describe(error.code, error.params, str(error).split("\n", 1)[0])
        return "\n- ".join([heading, *map(describe_problem, error.mismatches)])
    widths = SCORE_WIDTHS.get(error.code, ())
    params = {**error.params, **dict(zip(widths, scale.width_texts(*(error.params[key] for key in widths))))}
    text = describe(error.code, params, str(error))
    if isinstance(error, ImageLoadError):
        return QCoreApplication.translate("ErrorText", "Cannot read the photo: {detail}").format(detail=text)
    return text

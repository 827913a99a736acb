"""Every user-visible text, in English and Traditional Chinese, keyed by message id.

``tr(key, **values)`` fails loudly on an unknown key; tests check that both
languages cover every key used in the code, with the same placeholders.
``core`` reports errors in English; :func:`describe_error` turns them into the
current language (quality problems by their QualityIssue, the rest as a
translated heading plus core's detail).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.errors import (
    CameraError,
    ExportError,
    ImageLoadError,
    ModelError,
    RosterError,
    StoreError,
    ValidationError,
)

LANGUAGES = {"en": "English", "zh_TW": "繁體中文"}  # each named in its own language

EN = {
    "app.name": "FaceScore Judge",
    # menus and actions
    "menu.contest": "&Contest",
    "menu.contestants": "C&ontestants",
    "menu.capture": "C&apture",
    "menu.language": "&Language",
    "menu.help": "&Help",
    "action.new_contest": "New contest…",
    "action.open_contest": "Open contest…",
    "action.rename_contest": "Rename contest…",
    "action.export": "Export results…",
    "action.quit": "Quit",
    "action.add_contestant": "Add contestant…",
    "action.edit_contestant": "Edit contestant…",
    "action.remove_contestant": "Remove contestant…",
    "action.removed_contestants": "Removed contestants…",
    "action.history": "Capture history…",
    "action.import_roster": "Import roster…",
    "action.capture": "Capture",
    "action.capture_button": "Capture  [Space]",
    "action.capture_tip": "Photograph the selected contestant and score the face (Space)",
    "action.retake": "Retake",
    "action.retake_button": "Retake  [Space]",
    "action.retake_tip": "Capture again: the new score replaces the current one, which stays in the "
                         "history (Space)",
    "action.import_photo": "Import photo…",
    "action.refresh_cameras": "Look for cameras again",
    "action.about": "About the model…",
    # contests
    "contest.default_name": "Contest {date}",
    "contest.untitled": "Untitled contest",
    "contest.file": "Contest file: {path}",
    "contest.new_title": "New contest",
    "contest.new_prompt": "Name of the contest:",
    "contest.open_title": "Open contest",
    "contest.file_filter": "FaceScore contests (*.sqlite)",
    "contest.open_failed_title": "Cannot open the contest",
    "contest.rename_title": "Rename contest",
    # contestants
    "contestant.add_title": "Add contestant",
    "contestant.edit_title": "Edit contestant",
    "contestant.number": "Number",
    "contestant.name": "Name",
    "contestant.division": "Division",
    "contestant.notes": "Notes",
    "contestant.number_empty": "The contestant number is empty.",
    "contestant.name_empty": "The contestant name is empty.",
    "contestant.number_taken": "Number {number} is already used by {name}.",
    "contestant.remove_title": "Remove contestant",
    "contestant.remove_question": "Remove No. {number} {name} from this contest? Their scores are "
                                  "kept in the contest file but no longer shown.",
    "contestant.removed": "No. {number} {name} removed; Contestants → Removed contestants… brings them back.",
    "contestant.number_now_taken": "Number {number} is now used by {name}; give {name} another number to "
                                   "restore {removed}.",
    # removed contestants
    "removed.title": "Removed contestants",
    "removed.summary": "Removed contestants are not shown in the results. Restore brings one back with "
                       "all their captures.",
    "removed.none": "No contestant has been removed from this contest.",
    "removed.restore": "Restore",
    # roster import
    "roster.choose": "Import roster",
    "roster.file_filter": "Rosters (*.csv *.txt *.xlsx *.xlsm)",
    "roster.failed_title": "Cannot import the roster",
    "roster.title": "Import roster: {file}",
    "roster.summary": "{valid} contestants will be imported; {skipped} rows have problems and will be "
                      "skipped. Text encoding: {encoding}.",
    "roster.workbook": "Excel workbook",
    "roster.line": "Line",
    "roster.problems": "Problems",
    "roster.ok": "OK",
    "roster.import": "Import {count} contestants",
    "roster.number_missing": "The number is missing.",
    "roster.number_in_contest": "Number {number} is already in the contest.",
    "roster.number_repeated": "Number {number} is already used at line {line}.",
    "roster.name_empty": "The name is empty.",
    "roster.leading_zeros_in_file": "Number {number} differs from number {other} at line {line} only in leading zeros.",
    "roster.leading_zeros_in_contest": "Number {number} differs from number {other} in the contest only in "
                                       "leading zeros.",
    "roster.several_lines": "This row runs over several lines: a quotation mark is probably not closed.",
    "roster.sheet": "Sheet:",
    # camera
    "camera.title": "Camera:",
    "camera.device": "Camera {index}",
    "camera.none_found": "No camera found",
    "camera.browse": "Other…",
    "camera.choose_video": "Video file…",
    "camera.choose_folder": "Folder of images…",
    "camera.video_filter": "Videos (*.mp4 *.avi *.mov *.mkv *.webm);;All files (*)",
    "camera.none": "No camera: connect one and press F5, choose Other… for a video file or a folder of "
                   "images, or import a photo (Ctrl+I).",
    "camera.opened": "Live: {source}",
    "camera.stopped": "{source} stopped delivering pictures. Check the cable; retrying every 2 s…",
    "camera.cannot_open": "Cannot open the camera: {reason} Retrying every 2 s…",
    # capture
    "capture.no_selection": "No contestant selected",
    "capture.selected": "No. {number} · {name}",
    "capture.face_ok": "Face OK: ready to capture.",
    "capture.in_progress": "Capturing No. {number} {name}…",
    "capture.result": "No. {number} {name}: {score} ± {error} · level {level} · higher than "
                      "{percentile}% of the reference faces ({used} of {total} frames used, "
                      "spread {spread})",
    "capture.not_stored": "Nothing stored: {reason}",
    "capture.no_selection_error": "Select a contestant in the table first.",
    "capture.no_camera": "No picture from the camera: choose a camera, or import a photo (Ctrl+I).",
    "capture.model_not_ready": "The scoring model is still loading; try again in a moment.",
    "capture.no_model": "No scoring model: {reason}",
    "capture.choose_photo": "Import photo",
    "capture.photo_filter": "Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;All files (*)",
    "capture.store_failed_title": "The capture was not saved",
    # model
    "model.loading": "Loading model…",
    "model.ready": "Model ready ({version})",
    "model.failed": "Model not available: {reason}",
    # results table
    "results.photo": "Photo",
    "results.number": "No.",
    "results.name": "Name",
    "results.division": "Division",
    "results.score": "Score",
    "results.level": "Level",
    "results.percentile": "Percentile",
    "results.rank": "Rank",
    "results.tie": "Tie",
    "results.tie_marker": "tie",
    "results.not_captured": "not captured",
    "results.empty": "No contestants yet: add one (Ctrl+N) or import a roster from CSV or Excel (Ctrl+R).",
    "results.score_tip": "Predicted mean rating on the 1–5 scale ± its typical error. Advisory: one "
                         "input for the judges, never the sole ranking.",
    "results.level_tip": "Level 1–5: the score rounded up to a whole step of the scale.",
    "results.percentile_tip": "Percent of the reference population rated lower: {population}. "
                              "Not a percentage of people in general.",
    "results.percentile_tip_no_model": "Percent of the reference faces rated lower (the model card "
                                       "names them once the model is loaded).",
    "results.tie_tip": "Scores closer than the error band (±{band}) count as a tie and share a rank.",
    "results.capture_tip": "Spread over the burst: {spread} · frames used: {frames} · taken {time} "
                           "· model {model}. Double-click for every capture (Ctrl+H).",
    # capture history
    "history.title": "Capture history: No. {number} {name}",
    "history.summary": "{count} captures, newest first. Only the current one counts in the ranking; "
                       "the ones a retake replaced stay on record.",
    "history.frames": "Frames used",
    "history.spread": "Spread",
    "history.source": "Source",
    "history.source_camera": "Camera",
    "history.source_file": "Photo file",
    "history.captured_at": "Taken",
    "history.model": "Model",
    "history.status": "Status",
    "history.current": "Current",
    "history.replaced": "Replaced",
    # export
    "export.title": "Export results",
    "export.file_filter": "CSV (*.csv);;Excel workbook (*.xlsx)",
    "export.failed_title": "Export failed",
    "export.done": "Results exported to {path}",
    # about / model card
    "about.title": "About the model",
    "about.advisory": "The score is advisory: one input for the judges, never the sole ranking. It "
                      "predicts how a group of volunteer raters would rate a photo, not a person's worth.",
    "about.no_model": "No scoring model is loaded, so no model card can be shown.",
    "about.model": "Model:",
    "about.version": "version",
    "about.training_heading": "Training data",
    "about.training": "Trained on {dataset} (split {split}, {images} training images).",
    "about.population_note": "SCUT-FBP5500 holds 5500 frontal faces: 73 % Asian and 27 % Caucasian "
                             "adults, no other groups, each rated 1–5 by 60 volunteers. Accuracy on "
                             "other populations is unknown.",
    "about.accuracy": "Accuracy on held-out faces ({split})",
    "about.faces": "Faces",
    "about.pc": "Correlation (PC)",
    "about.mae": "Mean abs. error",
    "about.rmse": "RMS error",
    "about.overall": "All faces",
    "about.error_heading": "Error band",
    "about.error_band": "Each score is shown ± {value}: the typical distance between the model's "
                        "score and the raters' mean on held-out faces. Scores closer than this are "
                        "ties.",
    "about.percentile_heading": "Percentile",
    "about.percentile": "The percentile compares a score with {population}, not with people in "
                        "general.",
    "about.licence_heading": "Licence",
    "about.licence": "The model was trained on SCUT-FBP5500, whose licence allows non-commercial "
                     "research use only; the model carries the same restriction.",
    "about.card_heading": "Model card (as written by its authors)",
    "group.AF": "Asian female",
    "group.AM": "Asian male",
    "group.CF": "Caucasian female",
    "group.CM": "Caucasian male",
    # face quality (by core.quality.QualityIssue)
    "quality.no_face": "No face found: face the camera, uncovered and well lit.",
    "quality.multiple_faces": "More than one face in view: only the contestant should be in frame.",
    "quality.face_too_small": "The face is too small: come closer to the camera.",
    "quality.not_frontal": "The head is turned or tilted: look straight into the camera.",
    "quality.blurred": "The image is blurred: hold still, or clean and focus the camera.",
    "quality.too_dark": "The face is too dark: add light in front of the contestant.",
    "quality.overexposed": "The face is overexposed: reduce the light or move out of direct light.",
    # errors reported by core, with core's own detail
    "error.image": "Cannot read the photo: {detail}",
    "error.model": "{detail}",
    "error.store": "{detail}",
    "error.roster": "{detail}",
    "error.export": "{detail}",
    "error.camera": "{detail}",
    "error.unexpected": "Unexpected error: {detail}",
}

ZH_TW = {
    "app.name": "FaceScore 評審助手",
    "menu.contest": "比賽(&C)",
    "menu.contestants": "參賽者(&O)",
    "menu.capture": "拍攝(&A)",
    "menu.language": "語言(&L)",
    "menu.help": "說明(&H)",
    "action.new_contest": "新增比賽…",
    "action.open_contest": "開啟比賽…",
    "action.rename_contest": "重新命名比賽…",
    "action.export": "匯出結果…",
    "action.quit": "結束",
    "action.add_contestant": "新增參賽者…",
    "action.edit_contestant": "編輯參賽者…",
    "action.remove_contestant": "移除參賽者…",
    "action.removed_contestants": "已移除的參賽者…",
    "action.history": "拍攝紀錄…",
    "action.import_roster": "匯入名單…",
    "action.capture": "拍攝",
    "action.capture_button": "拍攝  [空白鍵]",
    "action.capture_tip": "拍攝所選參賽者並為臉部評分（空白鍵）",
    "action.retake": "重拍",
    "action.retake_button": "重拍  [空白鍵]",
    "action.retake_tip": "重新拍攝：新分數取代目前的分數，舊分數保留在紀錄中（空白鍵）",
    "action.import_photo": "匯入照片…",
    "action.refresh_cameras": "重新尋找攝影機",
    "action.about": "關於模型…",
    "contest.default_name": "比賽 {date}",
    "contest.untitled": "未命名比賽",
    "contest.file": "比賽檔案：{path}",
    "contest.new_title": "新增比賽",
    "contest.new_prompt": "比賽名稱：",
    "contest.open_title": "開啟比賽",
    "contest.file_filter": "FaceScore 比賽檔案 (*.sqlite)",
    "contest.open_failed_title": "無法開啟比賽",
    "contest.rename_title": "重新命名比賽",
    "contestant.add_title": "新增參賽者",
    "contestant.edit_title": "編輯參賽者",
    "contestant.number": "編號",
    "contestant.name": "姓名",
    "contestant.division": "組別",
    "contestant.notes": "備註",
    "contestant.number_empty": "參賽者編號不可空白。",
    "contestant.name_empty": "參賽者姓名不可空白。",
    "contestant.number_taken": "編號 {number} 已由 {name} 使用。",
    "contestant.remove_title": "移除參賽者",
    "contestant.remove_question": "要從本比賽移除 {number} 號 {name} 嗎？其分數仍保存在比賽檔案中，但不再顯示。",
    "contestant.removed": "已移除 {number} 號 {name}；可從「參賽者 → 已移除的參賽者…」恢復。",
    "contestant.number_now_taken": "編號 {number} 現已由 {name} 使用；請先為 {name} 更改編號，才能恢復 {removed}。",
    "removed.title": "已移除的參賽者",
    "removed.summary": "已移除的參賽者不會顯示在結果中。按「恢復」可連同其所有拍攝紀錄一併恢復。",
    "removed.none": "本比賽沒有已移除的參賽者。",
    "removed.restore": "恢復",
    "roster.choose": "匯入名單",
    "roster.file_filter": "名單檔案 (*.csv *.txt *.xlsx *.xlsm)",
    "roster.failed_title": "無法匯入名單",
    "roster.title": "匯入名單：{file}",
    "roster.summary": "將匯入 {valid} 位參賽者；{skipped} 列有問題，將略過。文字編碼：{encoding}。",
    "roster.workbook": "Excel 活頁簿",
    "roster.line": "列",
    "roster.problems": "問題",
    "roster.ok": "正常",
    "roster.import": "匯入 {count} 位參賽者",
    "roster.number_missing": "缺少編號。",
    "roster.number_in_contest": "編號 {number} 已在本比賽中。",
    "roster.number_repeated": "編號 {number} 已在第 {line} 列使用。",
    "roster.name_empty": "姓名空白。",
    "roster.leading_zeros_in_file": "編號 {number} 與第 {line} 列的編號 {other} 只差在前導的零。",
    "roster.leading_zeros_in_contest": "編號 {number} 與本比賽中的編號 {other} 只差在前導的零。",
    "roster.several_lines": "此列跨越多行：可能有引號沒有關閉。",
    "roster.sheet": "工作表：",
    "camera.title": "攝影機：",
    "camera.device": "攝影機 {index}",
    "camera.none_found": "找不到攝影機",
    "camera.browse": "其他…",
    "camera.choose_video": "影片檔…",
    "camera.choose_folder": "圖片資料夾…",
    "camera.video_filter": "影片 (*.mp4 *.avi *.mov *.mkv *.webm);;所有檔案 (*)",
    "camera.none": "沒有攝影機：請連接攝影機後按 F5，或選擇「其他…」使用影片檔或圖片資料夾，或匯入照片（Ctrl+I）。",
    "camera.opened": "即時影像：{source}",
    "camera.stopped": "{source} 已停止傳送影像。請檢查連接線；每 2 秒重試一次…",
    "camera.cannot_open": "無法開啟攝影機：{reason} 每 2 秒重試一次…",
    "capture.no_selection": "尚未選擇參賽者",
    "capture.selected": "{number} 號 · {name}",
    "capture.face_ok": "臉部良好：可以拍攝。",
    "capture.in_progress": "正在拍攝 {number} 號 {name}…",
    "capture.result": "{number} 號 {name}：{score} ± {error} · 等級 {level} · 高於 {percentile}% 的參考臉孔"
                      "（使用 {used}/{total} 張影格，差異 {spread}）",
    "capture.not_stored": "未儲存任何資料：{reason}",
    "capture.no_selection_error": "請先在表格中選擇一位參賽者。",
    "capture.no_camera": "攝影機沒有影像：請選擇攝影機，或匯入照片（Ctrl+I）。",
    "capture.model_not_ready": "評分模型仍在載入中，請稍候再試。",
    "capture.no_model": "沒有評分模型：{reason}",
    "capture.choose_photo": "匯入照片",
    "capture.photo_filter": "圖片 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;所有檔案 (*)",
    "capture.store_failed_title": "拍攝結果未儲存",
    "model.loading": "正在載入模型…",
    "model.ready": "模型就緒（{version}）",
    "model.failed": "模型無法使用：{reason}",
    "results.photo": "照片",
    "results.number": "編號",
    "results.name": "姓名",
    "results.division": "組別",
    "results.score": "分數",
    "results.level": "等級",
    "results.percentile": "百分位",
    "results.rank": "名次",
    "results.tie": "並列",
    "results.tie_marker": "並列",
    "results.not_captured": "尚未拍攝",
    "results.empty": "尚無參賽者：請新增參賽者（Ctrl+N）或從 CSV 或 Excel 匯入名單（Ctrl+R）。",
    "results.score_tip": "1–5 分量表上的預測平均評分 ± 典型誤差。僅供參考：是評審的依據之一，絕不可作為唯一排名依據。",
    "results.level_tip": "等級 1–5：分數無條件進位到量表的整數級距。",
    "results.percentile_tip": "參考族群中評分較低者所佔的百分比：{population}。並非一般人群的百分比。",
    "results.percentile_tip_no_model": "參考臉孔中評分較低者所佔的百分比（模型載入後會顯示模型卡所述的族群）。",
    "results.tie_tip": "分數差距小於誤差範圍（±{band}）視為並列，名次相同。",
    "results.capture_tip": "連拍分數差異：{spread} · 使用影格：{frames} · 拍攝時間 {time} · 模型 {model}。"
                           "按兩下可查看所有拍攝紀錄（Ctrl+H）。",
    "history.title": "拍攝紀錄：{number} 號 {name}",
    "history.summary": "共 {count} 次拍攝，最新的在最上方。只有目前的結果計入排名；被重拍取代的結果保留作為紀錄。",
    "history.frames": "使用影格",
    "history.spread": "連拍差異",
    "history.source": "來源",
    "history.source_camera": "攝影機",
    "history.source_file": "照片檔",
    "history.captured_at": "拍攝時間",
    "history.model": "模型",
    "history.status": "狀態",
    "history.current": "目前",
    "history.replaced": "已取代",
    "export.title": "匯出結果",
    "export.file_filter": "CSV (*.csv);;Excel 活頁簿 (*.xlsx)",
    "export.failed_title": "匯出失敗",
    "export.done": "結果已匯出至 {path}",
    "about.title": "關於模型",
    "about.advisory": "分數僅供參考：是評審的依據之一，絕不可作為唯一排名依據。它預測一群志願評分者會如何評價一張照片，而非衡量一個人的價值。",
    "about.no_model": "尚未載入評分模型，因此無法顯示模型卡。",
    "about.model": "模型：",
    "about.version": "版本",
    "about.training_heading": "訓練資料",
    "about.training": "以 {dataset} 訓練（資料切分 {split}，{images} 張訓練圖片）。",
    "about.population_note": "SCUT-FBP5500 含 5500 張正面臉孔：73% 亞洲人、27% 白人成年人，無其他族群，每張由 60 位志願者以 1–5 分評分。模型對其他族群的準確度未知。",
    "about.accuracy": "未參與訓練之臉孔上的準確度（{split}）",
    "about.faces": "臉孔數",
    "about.pc": "相關係數 (PC)",
    "about.mae": "平均絕對誤差",
    "about.rmse": "均方根誤差",
    "about.overall": "全部臉孔",
    "about.error_heading": "誤差範圍",
    "about.error_band": "每個分數以 ± {value} 顯示：即模型分數與評分者平均值在未參與訓練臉孔上的典型差距。差距小於此值的分數視為並列。",
    "about.percentile_heading": "百分位",
    "about.percentile": "百分位是將分數與以下族群比較：{population}；而非與一般人群比較。",
    "about.licence_heading": "授權",
    "about.licence": "本模型以 SCUT-FBP5500 訓練，其授權僅允許非商業研究用途；本模型受相同限制。",
    "about.card_heading": "模型卡（作者原文）",
    "group.AF": "亞洲女性",
    "group.AM": "亞洲男性",
    "group.CF": "白人女性",
    "group.CM": "白人男性",
    "quality.no_face": "找不到臉部：請面向攝影機，臉部勿遮擋並保持光線充足。",
    "quality.multiple_faces": "畫面中有多張臉：畫面內應只有參賽者。",
    "quality.face_too_small": "臉部太小：請靠近攝影機。",
    "quality.not_frontal": "頭部轉向或傾斜：請直視攝影機。",
    "quality.blurred": "影像模糊：請保持不動，或清潔鏡頭並重新對焦。",
    "quality.too_dark": "臉部太暗：請在參賽者前方補光。",
    "quality.overexposed": "臉部過曝：請減弱光線或避開直射光。",
    "error.image": "無法讀取照片：{detail}",
    "error.model": "模型錯誤：{detail}",
    "error.store": "比賽檔案錯誤：{detail}",
    "error.roster": "名單錯誤：{detail}",
    "error.export": "匯出錯誤：{detail}",
    "error.camera": "攝影機錯誤：{detail}",
    "error.unexpected": "未預期的錯誤：{detail}",
}

MESSAGES = {"en": EN, "zh_TW": ZH_TW}

# core's English sentences that carry data, matched whole to translate them.
VALIDATION_PATTERNS = (
    (r"The contestant number is empty\.", "contestant.number_empty"),
    (r"The contestant name is empty\.", "contestant.name_empty"),
    (r"Number (?P<number>.+) is already used by (?P<name>.*)\.", "contestant.number_taken"),
    ((r"Number (?P<number>.+) is now used by (?P<name>.+); give (?P=name) another number to restore "
      r"(?P<removed>.+)\."), "contestant.number_now_taken"),
)
ROSTER_PATTERNS = (
    (r"The number is missing\.", "roster.number_missing"),
    (r"Number (?P<number>.+) is already in the contest\.", "roster.number_in_contest"),
    (r"Number (?P<number>.+) is already used at line (?P<line>\d+)\.", "roster.number_repeated"),
    (r"The name is empty\.", "roster.name_empty"),
    (r"Number (?P<number>.+) differs from number (?P<other>.+) at line (?P<line>\d+) only in leading zeros\.",
     "roster.leading_zeros_in_file"),
    (r"Number (?P<number>.+) differs from number (?P<other>.+) in the contest only in leading zeros\.",
     "roster.leading_zeros_in_contest"),
    (r"This row runs over several lines: a quotation mark is probably not closed\.", "roster.several_lines"),
)
DETAILED_ERRORS = ((ImageLoadError, "error.image"), (ModelError, "error.model"),
                   (StoreError, "error.store"), (RosterError, "error.roster"),
                   (ExportError, "error.export"), (CameraError, "error.camera"))

_current = "en"
_qt_translator: QTranslator | None = None


def language() -> str:
    return _current


def set_language(code: str) -> None:
    global _current
    if code not in MESSAGES:
        raise ValueError(f"unknown language {code!r}; known: {', '.join(MESSAGES)}")
    _current = code


def system_language() -> str:
    """繁體中文 for Traditional Chinese locales (Taiwan, Hong Kong, Macau), else English."""
    locale = QLocale.system()
    traditional = locale.script() == QLocale.Script.TraditionalHanScript or \
        locale.territory() in (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macao)
    return "zh_TW" if locale.language() == QLocale.Language.Chinese and traditional else "en"


def install_qt_translations(code: str) -> None:
    """Qt's own texts (standard buttons, file dialogs) in the chosen language."""
    global _qt_translator
    app = QCoreApplication.instance()
    if app is None:
        return
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if code == "en":
        return
    translator = QTranslator(app)
    if translator.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        _qt_translator = translator


def tr(key: str, **values) -> str:
    text = MESSAGES[_current][key]
    return text.format(**values) if values else text


def quality_message(issue) -> str:
    """The message for a core.quality.QualityIssue."""
    return tr(f"quality.{issue.value}")


def _translate_sentence(text: str, patterns) -> str:
    for pattern, key in patterns:
        match = re.fullmatch(pattern, text)
        if match:
            return tr(key, **match.groupdict())
    return text


def roster_problem(text: str) -> str:
    """A problem of a core.roster.RosterRow, in the current language."""
    return _translate_sentence(text, ROSTER_PATTERNS)


def describe_error(error: BaseException) -> str:
    """What went wrong, in the current language."""
    from core.faces import FaceQualityError  # loaded by then: only scoring raises it

    if isinstance(error, FaceQualityError):
        return quality_message(error.issues[0])
    if isinstance(error, ValidationError):
        return _translate_sentence(str(error), VALIDATION_PATTERNS)
    for kind, key in DETAILED_ERRORS:
        if isinstance(error, kind):
            return tr(key, detail=str(error))
    return tr("error.unexpected", detail=f"{type(error).__name__}: {error}")

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Asian female</source>
        <translation>亞洲女性</translation>
    </message>
    <message>
        <source>Asian male</source>
        <translation>亞洲男性</translation>
    </message>
    <message>
        <source>Caucasian female</source>
        <translation>白人女性</translation>
    </message>
    <message>
        <source>Caucasian male</source>
        <translation>白人男性</translation>
    </message>
    <message>
        <source>Faces</source>
        <translation>臉孔數</translation>
    </message>
    <message>
        <source>Correlation (PC)</source>
        <translation>相關係數 (PC)</translation>
    </message>
    <message>
        <source>Mean abs. error</source>
        <translation>平均絕對誤差</translation>
    </message>
    <message>
        <source>RMS error</source>
        <translation>均方根誤差</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Within ± error</source>
        <translation>落在 ± 誤差內</translation>
    </message>
    <message>
        <source>About the model</source>
        <translation>關於模型</translation>
    </message>
    <message>
        <source>Accuracy on held-out faces ({split})</source>
        <translation>未參與訓練之臉孔上的準確度（{split}）</translation>
    </message>
    <message>
        <source>The score is advisory: one input for the judges, never the sole ranking. It predicts how a group of volunteer raters would rate a photo, not a person&apos;s worth.</source>
        <translation>分數僅供參考：是評審的依據之一，絕不可作為唯一排名依據。它預測一群志願評分者會如何評價一張照片，而非衡量一個人的價值。</translation>
    </message>
    <message>
        <source>FaceScore Judge</source>
        <translation>FaceScore 評審助手</translation>
    </message>
    <message>
        <source>No scoring model is loaded, so no model card can be shown.</source>
        <translation>尚未載入評分模型，因此無法顯示模型卡。</translation>
    </message>
    <message>
        <source>Trained on {dataset} (split {split}, {images} training images).</source>
        <translation>以 {dataset} 訓練（資料切分 {split}，{images} 張訓練圖片）。</translation>
    </message>
    <message>
        <source>SCUT-FBP5500 holds 5500 frontal faces: 73 % East Asian and 27 % Caucasian adults aged about 15 to 60, each rated 1–5 by 60 volunteers.</source>
        <translation>SCUT-FBP5500 含 5500 張正面臉孔：73% 東亞人、27% 白人，皆為約 15 至 60 歲的成年人，每張由 60 位志願者以 1–5 分評分。</translation>
    </message>
    <message>
        <source>The model never saw faces of any other population (African, South Asian, Middle Eastern, Latin American, Indigenous or mixed-heritage people), nor children or older people: its scores for those faces are unmeasured.</source>
        <translation>模型從未見過其他族群的臉孔（非洲、南亞、中東、拉丁美洲、原住民或混血族群），也未見過兒童或年長者：它對這些臉孔的分數未經測量。</translation>
    </message>
    <message>
        <source>Each score is shown with its own error: at least ± {base}, wider for a face whose score changes when its framing moves a little, and for a score far from the middle of the scale, where the model strayed more on the faces it was checked on. About two thirds of held-out faces are scored within their error of the raters&apos; mean (the column &quot;Within ± error&quot; below).</source>
        <translation>每個分數都附有各自的誤差：至少 ± {base}；若臉孔取景稍微移動時分數就會改變，或分數遠離量表中段（模型在用來檢驗的臉孔上於該處偏差較大），誤差會更大。在未參與訓練的臉孔中，約三分之二的分數落在評分者平均值的誤差範圍內（見下方「落在 ± 誤差內」一欄）。</translation>
    </message>
    <message>
        <source>Each score is shown with its own error: at least ± {base}, wider for a face whose score changes when its framing moves a little. About two thirds of held-out faces are scored within their error of the raters&apos; mean (the column &quot;Within ± error&quot; below).</source>
        <translation>每個分數都附有各自的誤差：至少 ± {base}；若臉孔取景稍微移動時分數就會改變，誤差會更大。在未參與訓練的臉孔中，約三分之二的分數落在評分者平均值的誤差範圍內（見下方「落在 ± 誤差內」一欄）。</translation>
    </message>
    <message>
        <source>Each score is shown ± {value}: the typical distance between the model&apos;s score and the raters&apos; mean on held-out faces.</source>
        <translation>每個分數以 ± {value} 顯示：即模型分數與評分者平均值在未參與訓練臉孔上的典型差距。</translation>
    </message>
    <message>
        <source>Ranks are given within each division, from each capture&apos;s own stored error: a contestant is placed surely above another only when its score is higher by at least the mean of their two errors. The rank shows every place that leaves possible, e.g. 3 (2–5); a range means a tie.</source>
        <translation>名次在各組別內計算，並使用每次拍攝各自儲存的誤差：只有當分數高出兩者誤差平均值以上時，才確定排在另一位之前。名次會列出所有可能的名次，例如 3 (2–5)；有範圍即為並列。</translation>
    </message>
    <message>
        <source>The percentile compares a score with {population}, not with people in general.</source>
        <translation>百分位是將分數與以下族群比較：{population}；而非與一般人群比較。</translation>
    </message>
    <message>
        <source>The model was trained on SCUT-FBP5500, whose licence allows non-commercial research use only; the model carries the same restriction.</source>
        <translation>本模型以 SCUT-FBP5500 訓練，其授權僅允許非商業研究用途；本模型受相同限制。</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>訓練資料</translation>
    </message>
    <message>
        <source>Error band</source>
        <translation>誤差範圍</translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>授權</translation>
    </message>
    <message>
        <source>Model card (as written by its authors)</source>
        <translation>模型卡（模型作者原文）</translation>
    </message>
    <message>
        <source>All faces</source>
        <translation>全部臉孔</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>judge named</source>
        <translation>評審署名</translation>
    </message>
    <message>
        <source>contest renamed</source>
        <translation>比賽更名</translation>
    </message>
    <message>
        <source>contestant added</source>
        <translation>新增參賽者</translation>
    </message>
    <message>
        <source>contestant imported</source>
        <translation>匯入參賽者</translation>
    </message>
    <message>
        <source>contestant edited</source>
        <translation>編輯參賽者</translation>
    </message>
    <message>
        <source>contestant removed</source>
        <translation>移除參賽者</translation>
    </message>
    <message>
        <source>contestant restored</source>
        <translation>復原參賽者</translation>
    </message>
    <message>
        <source>capture</source>
        <translation>拍攝</translation>
    </message>
    <message>
        <source>retake</source>
        <translation>重拍</translation>
    </message>
    <message>
        <source>photo imported</source>
        <translation>匯入照片</translation>
    </message>
    <message>
        <source>finalized</source>
        <translation>定案</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>重新開放</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>photos deleted</source>
        <translation>刪除照片</translation>
    </message>
    <message>
        <source>restored from a backup</source>
        <translation>從備份還原</translation>
    </message>
    <message>
        <source>criteria set</source>
        <translation>設定評分標準</translation>
    </message>
    <message>
        <source>mark entered</source>
        <translation>輸入評分</translation>
    </message>
    <message>
        <source>mark cleared</source>
        <translation>清除評分</translation>
    </message>
    <message>
        <source>number</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>division</source>
        <translation>組別</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>judge</source>
        <translation>評審</translation>
    </message>
    <message>
        <source>criteria</source>
        <translation>評分標準</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>備份</translation>
    </message>
    <message>
        <source>head judge</source>
        <translation>總評審</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>稽核紀錄</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>評審</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Contestant</source>
        <translation>參賽者</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>變更內容</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>{count} recorded changes, oldest first. The log cannot be edited.</source>
        <translation>共 {count} 筆變更紀錄，由舊至新。紀錄無法修改。</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>匯出稽核紀錄</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>The scoring model is still loading; try again in a moment.</source>
        <translation>評分模型仍在載入中，請稍候再試。</translation>
    </message>
    <message>
        <source>No scoring model: {reason}</source>
        <translation>沒有評分模型：{reason}</translation>
    </message>
    <message>
        <source>Select a contestant in the table first.</source>
        <translation>請先在表格中選擇一位參賽者。</translation>
    </message>
    <message>
        <source>No picture from the camera: choose a camera, or import a photo (Ctrl+I).</source>
        <translation>攝影機沒有影像：請選擇攝影機，或匯入照片（Ctrl+I）。</translation>
    </message>
    <message>
        <source>Nothing stored: {reason}</source>
        <translation>未儲存任何資料：{reason}</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>找不到攝影機</translation>
    </message>
    <message>
        <source>Camera {index}</source>
        <translation>攝影機 {index}</translation>
    </message>
    <message>
        <source>Video file…</source>
        <translation>影片檔…</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mov *.mkv *.webm);;All files (*)</source>
        <translation>影片 (*.mp4 *.avi *.mov *.mkv *.webm);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Folder of images…</source>
        <translation>圖片資料夾…</translation>
    </message>
    <message>
        <source>Live: {source}</source>
        <translation>即時影像：{source}</translation>
    </message>
    <message>
        <source>{source} stopped delivering pictures. Check the cable; retrying every 2 s…</source>
        <translation>{source} 已停止傳送影像。請檢查連接線；每 2 秒重試一次…</translation>
    </message>
    <message>
        <source>Cannot open the camera: {reason} Retrying every 2 s…</source>
        <translation>無法開啟攝影機：{reason} 每 2 秒重試一次…</translation>
    </message>
    <message>
        <source>No camera: connect one and press F5, choose Other… for a video file or a folder of images, or import a photo (Ctrl+I).</source>
        <translation>沒有攝影機：請連接攝影機後按 F5，或選擇「其他…」使用影片檔或圖片資料夾，或匯入照片（Ctrl+I）。</translation>
    </message>
    <message>
        <source>Face OK: ready to capture.</source>
        <translation>臉部良好：可以拍攝。</translation>
    </message>
    <message>
        <source>No contestant selected</source>
        <translation>尚未選擇參賽者</translation>
    </message>
    <message>
        <source>No. {number} · {name}</source>
        <translation>{number} 號 · {name}</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <source>Scoring the photo {file} for No. {number} {name}…</source>
        <translation>正在為 {number} 號 {name} 評分照片 {file}…</translation>
    </message>
    <message numerus="yes">
        <source>Scoring %n photos for No. {number} {name}…</source>
        <translation>
            <numerusform>正在為 {number} 號 {name} 評分 %n 張照片…</numerusform>
        </translation>
    </message>
    <message>
        <source>Capturing No. {number} {name}…</source>
        <translation>正在拍攝 {number} 號 {name}…</translation>
    </message>
    <message>
        <source>(the reasons are in this message&apos;s tooltip)</source>
        <translation>（原因見此訊息的提示）</translation>
    </message>
    <message>
        <source>Retake: replaces {score}.</source>
        <translation>重拍：取代 {score}。</translation>
    </message>
    <message numerus="yes">
        <source>{used} of %n photos used</source>
        <translation>
            <numerusform>使用 {used}/%n 張照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{used} of %n frames used</source>
        <translation>
            <numerusform>使用 {used}/%n 張影格</numerusform>
        </translation>
    </message>
    <message>
        <source>No. {number} {name}: {score} ± {error} · level {level} · higher than {percentile}% of the reference faces ({used}, spread {spread})</source>
        <translation>{number} 號 {name}：{score} ± {error} · 等級 {level} · 高於 {percentile}% 的參考臉孔（{used}，差異 {spread}）</translation>
    </message>
    <message>
        <source>Not used (the reasons are in this message&apos;s tooltip): {files}</source>
        <translation>未使用（原因見此訊息的提示）：{files}</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>攝影機：</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>其他…</translation>
    </message>
</context>
<context>
    <name>CaptureTexts</name>
    <message numerus="yes">
        <source>%n photos</source>
        <translation>
            <numerusform>%n 張照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frames</source>
        <translation>
            <numerusform>%n 張影格</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContestAdmin</name>
    <message>
        <source>Export results…</source>
        <translation>匯出結果…</translation>
    </message>
    <message>
        <source>Finalize results…</source>
        <translation>成績定案…</translation>
    </message>
    <message>
        <source>Reopen results…</source>
        <translation>重新開放成績…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>稽核紀錄…</translation>
    </message>
    <message>
        <source>Print results…</source>
        <translation>列印成績…</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>從備份還原…</translation>
    </message>
    <message>
        <source>Delete photos…</source>
        <translation>刪除照片…</translation>
    </message>
    <message>
        <source>Delete contest…</source>
        <translation>刪除比賽…</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>匯出結果</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbook (*.xlsx);;Results sheet to sign (*.pdf)</source>
        <translation>CSV (*.csv);;Excel 活頁簿 (*.xlsx);;簽名用成績表 (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <source>Results exported to {path}</source>
        <translation>結果已匯出至 {path}</translation>
    </message>
    <message>
        <source>Finalize the results? From then on every change is refused until the contest is reopened; the file is backed up.</source>
        <translation>確定將成績定案？此後所有變更都會被拒絕，直到重新開放比賽；檔案會另行備份。</translation>
    </message>
    <message>
        <source>Not complete: {unscored} of {total} contestants have no score and {unmarked} lack a mark.</source>
        <translation>尚未完成：{total} 位參賽者中有 {unscored} 位沒有分數，{unmarked} 位缺少評分。</translation>
    </message>
    <message>
        <source>No score: No. {numbers}.</source>
        <translation>沒有分數：{numbers} 號。</translation>
    </message>
    <message>
        <source>A mark missing: No. {numbers}.</source>
        <translation>缺少評分：{numbers} 號。</translation>
    </message>
    <message>
        <source>Delete every face photo and thumbnail of this contest and of its backups? Scores, errors and the audit log stay. This cannot be undone. Results sheets already exported or printed keep their photos: delete or shred those too.</source>
        <translation>刪除本比賽及其備份中的所有臉部照片與縮圖？分數、誤差與稽核紀錄會保留。此動作無法復原。已匯出或已列印的成績單仍保有照片：請一併刪除或銷毀。</translation>
    </message>
    <message>
        <source>Finalize results</source>
        <translation>成績定案</translation>
    </message>
    <message>
        <source>Reopen results</source>
        <translation>重新開放成績</translation>
    </message>
    <message>
        <source>Judge&apos;s name</source>
        <translation>評審姓名</translation>
    </message>
    <message>
        <source>Your name, for this contest&apos;s audit log:</source>
        <translation>您的姓名（記錄於本比賽的稽核紀錄）：</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>從備份還原</translation>
    </message>
    <message>
        <source>FaceScore contests (*.sqlite)</source>
        <translation>FaceScore 比賽檔案 (*.sqlite)</translation>
    </message>
    <message>
        <source>Cannot open the contest</source>
        <translation>無法開啟比賽</translation>
    </message>
    <message>
        <source>{reason}

Open its newest backup ({when}) as a new contest file? The damaged file is kept as it is.</source>
        <translation>{reason}

要將最新的備份（{when}）開啟為新的比賽檔嗎？損壞的檔案會原樣保留。</translation>
    </message>
    <message>
        <source>Delete photos</source>
        <translation>刪除照片</translation>
    </message>
    <message>
        <source>{count} photos deleted.</source>
        <translation>已刪除 {count} 張照片。</translation>
    </message>
    <message>
        <source>Delete contest</source>
        <translation>刪除比賽</translation>
    </message>
    <message>
        <source>Delete the contest “{name}”, its file and all its backups? This cannot be undone.</source>
        <translation>刪除比賽「{name}」及其檔案與所有備份？此動作無法復原。</translation>
    </message>
    <message>
        <source>Contest {date}</source>
        <translation>比賽 {date}</translation>
    </message>
</context>
<context>
    <name>ContestFiles</name>
    <message>
        <source>Contest file</source>
        <translation>比賽檔案</translation>
    </message>
    <message>
        <source>New contest…</source>
        <translation>新增比賽…</translation>
    </message>
    <message>
        <source>Open contest…</source>
        <translation>開啟比賽…</translation>
    </message>
    <message>
        <source>Rename contest…</source>
        <translation>重新命名比賽…</translation>
    </message>
    <message>
        <source>Contest {date}</source>
        <translation>比賽 {date}</translation>
    </message>
    <message>
        <source>Last contest not found</source>
        <translation>找不到上次的比賽</translation>
    </message>
    <message>
        <source>The contest used last, {path}, is not there (moved, deleted, or on a USB stick that is not plugged in?). Opened instead: {contest}. Open the other with Contest → Open contest… once it is back.</source>
        <translation>上次使用的比賽 {path} 不在原處（被移動、刪除，或在未插上的 USB 隨身碟中？）。已改為開啟：{contest}。檔案回來後，請用「比賽 → 開啟比賽…」開啟。</translation>
    </message>
    <message>
        <source>New contest</source>
        <translation>新增比賽</translation>
    </message>
    <message>
        <source>Name of the contest:</source>
        <translation>比賽名稱：</translation>
    </message>
    <message>
        <source>Cannot open the contest</source>
        <translation>無法開啟比賽</translation>
    </message>
    <message>
        <source>Open contest</source>
        <translation>開啟比賽</translation>
    </message>
    <message>
        <source>FaceScore contests (*.sqlite)</source>
        <translation>FaceScore 比賽檔案 (*.sqlite)</translation>
    </message>
    <message>
        <source>Rename contest</source>
        <translation>重新命名比賽</translation>
    </message>
</context>
<context>
    <name>ContestantActions</name>
    <message>
        <source>Add contestant…</source>
        <translation>新增參賽者…</translation>
    </message>
    <message>
        <source>Edit contestant…</source>
        <translation>編輯參賽者…</translation>
    </message>
    <message>
        <source>Remove contestant…</source>
        <translation>移除參賽者…</translation>
    </message>
    <message>
        <source>Removed contestants…</source>
        <translation>已移除的參賽者…</translation>
    </message>
    <message>
        <source>Capture history…</source>
        <translation>拍攝紀錄…</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>匯入名單…</translation>
    </message>
    <message>
        <source>Remove contestant</source>
        <translation>移除參賽者</translation>
    </message>
    <message>
        <source>Remove No. {number} {name} from this contest? Their scores are kept in the contest file but no longer shown.</source>
        <translation>要從本比賽移除 {number} 號 {name} 嗎？其分數仍保存在比賽檔案中，但不再顯示。</translation>
    </message>
    <message>
        <source>No. {number} {name} removed; Contestants → Removed contestants… brings them back.</source>
        <translation>已移除 {number} 號 {name}；可從「參賽者 → 已移除的參賽者…」恢復。</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>匯入名單</translation>
    </message>
    <message>
        <source>Rosters (*.csv *.txt *.xlsx *.xlsm)</source>
        <translation>名單檔案 (*.csv *.txt *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Cannot import the roster</source>
        <translation>無法匯入名單</translation>
    </message>
</context>
<context>
    <name>ContestantDialog</name>
    <message>
        <source>Number</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>組別</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Edit contestant</source>
        <translation>編輯參賽者</translation>
    </message>
    <message>
        <source>Add contestant</source>
        <translation>新增參賽者</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>發生錯誤</translation>
    </message>
    <message>
        <source>FaceScore Judge ran into an unexpected problem. It is still running, and the captures already stored are safe in the contest file. If this happens again, copy the details below or send the log folder ({folder}) to whoever looks after the app.</source>
        <translation>FaceScore Judge 遇到未預期的問題。程式仍在執行，已儲存的拍攝結果都安全保存在比賽檔中。若再次發生，請複製下方的詳細資訊，或將記錄檔資料夾（{folder}）傳給負責維護本程式的人員。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>複製詳細資訊</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>開啟記錄檔資料夾</translation>
    </message>
</context>
<context>
    <name>CriteriaDialog</name>
    <message>
        <source>Criteria</source>
        <translation>評分標準</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>評分標準</translation>
    </message>
    <message>
        <source>Weight %</source>
        <translation>權重 %</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>最低分</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>最高分</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>級距</translation>
    </message>
    <message>
        <source>Advisory score</source>
        <translation>參考分數</translation>
    </message>
    <message>
        <source>Weights must add up to 100 %. Each mark is typed within its range, in its steps. Tick “Advisory score” on one criterion to fill it with the face score (1–5 mapped onto its range); otherwise the face score stays beside the total.</source>
        <translation>權重合計必須為 100 %。每項分數須在其範圍內並符合級距。在某一項評分標準勾選「參考分數」，即以臉部分數（1–5 對應到該範圍）填入；否則臉部分數僅列於總分旁。</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>新增評分標準</translation>
    </message>
    <message>
        <source>Remove criterion</source>
        <translation>移除評分標準</translation>
    </message>
    <message>
        <source>Marks are entered: the criteria can no longer change.</source>
        <translation>已有評分：評分標準不能再變更。</translation>
    </message>
    <message>
        <source>Weights: {total} %</source>
        <translation>權重：{total} %</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>No face found: face the camera, uncovered and well lit.</source>
        <translation>找不到臉部：請面向攝影機，臉部勿遮擋並保持光線充足。</translation>
    </message>
    <message>
        <source>More than one face in view: only the contestant should be in frame.</source>
        <translation>畫面中有多張臉：畫面內應只有參賽者。</translation>
    </message>
    <message>
        <source>The face is too small: come closer to the camera, or use a photo in which the face is larger.</source>
        <translation>臉部太小：請靠近攝影機，或改用臉部較大的照片。</translation>
    </message>
    <message>
        <source>The head is turned or tilted: look straight into the camera.</source>
        <translation>頭部轉向或傾斜：請直視攝影機。</translation>
    </message>
    <message>
        <source>The image is blurred: hold still, or clean and focus the camera.</source>
        <translation>影像模糊：請保持不動，或清潔鏡頭並重新對焦。</translation>
    </message>
    <message>
        <source>The face is too dark: add light in front of the contestant.</source>
        <translation>臉部太暗：請在參賽者前方補光。</translation>
    </message>
    <message>
        <source>The face is overexposed: reduce the light or move out of direct light.</source>
        <translation>臉部過曝：請減弱光線或避開直射光。</translation>
    </message>
    <message>
        <source>The contestant number is empty.</source>
        <translation>參賽者編號不可空白。</translation>
    </message>
    <message>
        <source>The contestant name is empty.</source>
        <translation>參賽者姓名不可空白。</translation>
    </message>
    <message>
        <source>Number {number} is already used by {name}.</source>
        <translation>編號 {number} 已由 {name} 使用。</translation>
    </message>
    <message>
        <source>The number is missing.</source>
        <translation>缺少編號。</translation>
    </message>
    <message>
        <source>Number {number} is already in the contest.</source>
        <translation>編號 {number} 已在本比賽中。</translation>
    </message>
    <message>
        <source>Number {number} is already used at line {line}.</source>
        <translation>編號 {number} 已在第 {line} 列使用。</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>姓名空白。</translation>
    </message>
    <message>
        <source>Cannot open contest file {path}: {reason}</source>
        <translation>無法開啟比賽檔案 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is damaged or is not a FaceScore contest file ({reason}).</source>
        <translation>{path} 已損壞或不是 FaceScore 比賽檔案（{reason}）。</translation>
    </message>
    <message>
        <source>Cannot create contest file {path}: the folder does not exist.</source>
        <translation>無法建立比賽檔案 {path}：資料夾不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a contest file.</source>
        <translation>{path} 是資料夾，不是比賽檔案。</translation>
    </message>
    <message>
        <source>Cannot read contest file {path}: {reason}.</source>
        <translation>無法讀取比賽檔案 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{path} is not a FaceScore contest file.</source>
        <translation>{path} 不是 FaceScore 比賽檔案。</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a FaceScore contest file.</source>
        <translation>{path} 是 SQLite 資料庫，但不是 FaceScore 比賽檔案。</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of FaceScore Judge; update the app to open it.</source>
        <translation>{path} 由較新版本的 FaceScore 評審助手建立；請更新本程式後再開啟。</translation>
    </message>
    <message>
        <source>Could not save to {path}: {reason}.</source>
        <translation>無法儲存至 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Number {number} is now used by {other}; give {other} another number to restore {name}.</source>
        <translation>編號 {number} 現已由 {other} 使用；請先為 {other} 更改編號，才能恢復 {name}。</translation>
    </message>
    <message>
        <source>The image is grainy (camera noise): add light in front of the contestant.</source>
        <translation>畫面雜訊過多（相機噪點）：請在參賽者前方補光。</translation>
    </message>
    <message>
        <source>The frames of the burst disagree (scores spread {spread}, more than the score&apos;s error {error}): keep only the contestant in view and capture again.</source>
        <translation>連拍的各張畫面分數不一致（分數離散 {spread}，大於分數誤差 {error}）：畫面中只留參賽者，再拍一次。</translation>
    </message>
    <message>
        <source>Number {number} differs from number {other} at line {line} only in leading zeros.</source>
        <translation>編號 {number} 與第 {line} 列的編號 {other} 只差在前導的零。</translation>
    </message>
    <message>
        <source>Number {number} differs from number {other} in the contest only in leading zeros.</source>
        <translation>編號 {number} 與本比賽中的編號 {other} 只差在前導的零。</translation>
    </message>
    <message>
        <source>This row runs over lines {line}–{last}: a quotation mark is probably not closed, so it took in &apos;{taken}&apos;.</source>
        <translation>此列跨越第 {line}–{last} 行：可能有引號沒有關閉，所以把「{taken}」也讀進了這一列。</translation>
    </message>
    <message>
        <source>The folder of {path} is read-only, so changes to the contest cannot be saved there; copy the contest file to a folder you can write to and open it there.</source>
        <translation>{path} 所在的資料夾為唯讀，比賽的變更無法儲存；請將比賽檔案複製到可寫入的資料夾後再開啟。</translation>
    </message>
    <message>
        <source>{path} is read-only, so changes to the contest cannot be saved; make the file writable or copy it.</source>
        <translation>{path} 為唯讀，比賽的變更無法儲存；請將檔案設為可寫入，或複製一份。</translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}.</source>
        <translation>無法讀取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>The contest file {path} was moved, renamed or deleted while it was open; open it again from where it is now.</source>
        <translation>比賽檔案 {path} 在開啟期間被移動、重新命名或刪除；請從目前的位置重新開啟。</translation>
    </message>
    <message>
        <source>There is no contest file {path}.</source>
        <translation>沒有比賽檔案 {path}。</translation>
    </message>
    <message>
        <source>The criteria cannot change once marks are entered.</source>
        <translation>已有評分後，評分標準即不能變更。</translation>
    </message>
    <message>
        <source>Reopening needs the head judge&apos;s name.</source>
        <translation>重新開放需要總評審的姓名。</translation>
    </message>
    <message>
        <source>Reopening needs its reason.</source>
        <translation>重新開放需要說明理由。</translation>
    </message>
    <message>
        <source>The contest is finalized: reopen it to make changes.</source>
        <translation>比賽已定案：請重新開放後再進行變更。</translation>
    </message>
    <message>
        <source>Contestant {contestant_id} is not among the removed contestants.</source>
        <translation>參賽者 {contestant_id} 不在已移除的參賽者中。</translation>
    </message>
    <message>
        <source>Contestant {contestant_id} is not in this contest.</source>
        <translation>參賽者 {contestant_id} 不在此比賽中。</translation>
    </message>
    <message>
        <source>Could not back up {path} to {folder}: {reason}.</source>
        <translation>無法將 {path} 備份到 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>{path} already exists.</source>
        <translation>{path} 已存在。</translation>
    </message>
    <message>
        <source>Could not restore the backup {path}: {reason}.</source>
        <translation>無法還原備份 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Could not delete {path}: {reason}.</source>
        <translation>無法刪除 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{file}: the old Excel .xls format is not supported; save it as .xlsx or CSV in Excel and import that.</source>
        <translation>{file}：不支援舊版 Excel .xls 格式；請在 Excel 中另存為 .xlsx 或 CSV 後再匯入。</translation>
    </message>
    <message>
        <source>{file}: unsupported file type; use CSV, TXT or XLSX.</source>
        <translation>{file}：不支援的檔案類型；請使用 CSV、TXT 或 XLSX。</translation>
    </message>
    <message>
        <source>{file}: the file is empty.</source>
        <translation>{file}：檔案是空的。</translation>
    </message>
    <message>
        <source>{file}: the file has a header row but no contestants.</source>
        <translation>{file}：檔案只有標題列，沒有參賽者。</translation>
    </message>
    <message>
        <source>{file}: cannot read the file ({reason}).</source>
        <translation>{file}：無法讀取檔案（{reason}）。</translation>
    </message>
    <message>
        <source>{file}: this is not a text roster (it looks like binary data).</source>
        <translation>{file}：這不是文字名單（看起來是二進位資料）。</translation>
    </message>
    <message>
        <source>{file}: line {line} cannot be read ({reason}).</source>
        <translation>{file}：第 {line} 列無法讀取（{reason}）。</translation>
    </message>
    <message>
        <source>{file}: the text encoding is not recognised; save the file as UTF-8 CSV.</source>
        <translation>{file}：無法辨識文字編碼；請將檔案另存為 UTF-8 CSV。</translation>
    </message>
    <message>
        <source>{file}: not a readable Excel workbook ({reason}).</source>
        <translation>{file}：不是可讀取的 Excel 活頁簿（{reason}）。</translation>
    </message>
    <message>
        <source>{file}: the workbook has no sheet {sheet!r}.</source>
        <translation>{file}：活頁簿中沒有工作表 {sheet!r}。</translation>
    </message>
    <message>
        <source>{file}: this is not a regular file.</source>
        <translation>{file}：這不是一般檔案。</translation>
    </message>
    <message>
        <source>{file}: the file is too large for a roster (over {limit} MiB).</source>
        <translation>{file}：檔案太大，不像名單（超過 {limit} MiB）。</translation>
    </message>
    <message>
        <source>{file}: the header row has no {column} column (expected e.g. &apos;{column}&apos; or &apos;{example}&apos;).</source>
        <translation>{file}：標題列沒有 {column} 欄（例如「{column}」或「{example}」）。</translation>
    </message>
    <message>
        <source>Define at least one criterion.</source>
        <translation>請至少定義一項評分標準。</translation>
    </message>
    <message>
        <source>A criterion has no name.</source>
        <translation>有一項評分標準沒有名稱。</translation>
    </message>
    <message>
        <source>Criterion {name} is defined twice.</source>
        <translation>評分標準 {name} 重複定義。</translation>
    </message>
    <message>
        <source>The weight of {name} must be more than 0 %.</source>
        <translation>{name} 的權重必須大於 0 %。</translation>
    </message>
    <message>
        <source>The range of {name} ({low:g}–{high:g}) is empty: the highest mark must be above the lowest, and the lowest at least 0.</source>
        <translation>{name} 的分數範圍（{low:g}–{high:g}）無效：最高分必須大於最低分，且最低分不得小於 0。</translation>
    </message>
    <message>
        <source>The step of {name} ({step:g}) must be more than 0 and divide its range {low:g}–{high:g}.</source>
        <translation>{name} 的級距（{step:g}）必須大於 0，並能整除其範圍 {low:g}–{high:g}。</translation>
    </message>
    <message>
        <source>The weights add up to {total:g} %, not 100 %.</source>
        <translation>權重合計為 {total:g} %，而非 100 %。</translation>
    </message>
    <message>
        <source>Only one criterion can be the advisory face score, not {names}.</source>
        <translation>只能有一項評分標準採用參考臉部分數，不能同時為 {names}。</translation>
    </message>
    <message>
        <source>Cannot read criterion {text!r}: write NAME=WEIGHT, optionally followed by :LOW-HIGH and :STEP (e.g. Poise=40:1-10:0.1).</source>
        <translation>無法讀取評分標準 {text!r}：請寫成 名稱=權重，可再加上 :最低-最高 與 :級距（例如 Poise=40:1-10:0.1）。</translation>
    </message>
    <message>
        <source>There is no criterion {name}; the criteria are {names}.</source>
        <translation>沒有評分標準 {name}；現有的評分標準為 {names}。</translation>
    </message>
    <message>
        <source>{text!r} is not a number; {name} takes a mark from {low:g} to {high:g}.</source>
        <translation>{text!r} 不是數字；{name} 的分數應介於 {low:g} 至 {high:g}。</translation>
    </message>
    <message>
        <source>{name} is the advisory face score; it is not marked by hand.</source>
        <translation>{name} 採用參考臉部分數，不需人工評分。</translation>
    </message>
    <message>
        <source>A mark for {name} must be from {low:g} to {high:g}, not {value:g}.</source>
        <translation>{name} 的分數必須介於 {low:g} 至 {high:g}，不能是 {value:g}。</translation>
    </message>
    <message>
        <source>A mark for {name} goes in steps of {step:g}, so {value:g} is not one.</source>
        <translation>{name} 的分數以 {step:g} 為級距，{value:g} 不符合。</translation>
    </message>
    <message>
        <source>Choose at least one judge&apos;s contest file.</source>
        <translation>請至少選擇一位評審的比賽檔案。</translation>
    </message>
    <message>
        <source>Dropping the highest and lowest mark needs at least {minimum} judges, not {judges}.</source>
        <translation>去掉最高分與最低分至少需要 {minimum} 位評審，目前只有 {judges} 位。</translation>
    </message>
    <message>
        <source>The files do not match; nothing was combined:</source>
        <translation>檔案內容不一致，未進行合併：</translation>
    </message>
    <message>
        <source>{file} is from contest {contest!r}, not {expected!r}.</source>
        <translation>{file} 屬於比賽 {contest!r}，而非 {expected!r}。</translation>
    </message>
    <message>
        <source>{file} has other criteria or weights: {criteria} instead of {expected}.</source>
        <translation>{file} 的評分標準或權重不同：{criteria}，而非 {expected}。</translation>
    </message>
    <message>
        <source>{file} holds no judge&apos;s name.</source>
        <translation>{file} 沒有評審姓名。</translation>
    </message>
    <message>
        <source>Two files hold the marks of {judge}: {other_file} and {file}.</source>
        <translation>有兩個檔案都是 {judge} 的評分：{other_file} 與 {file}。</translation>
    </message>
    <message>
        <source>Number {number} is {name} in {file} but {expected} in {other_file}.</source>
        <translation>編號 {number} 在 {file} 中是 {name}，但在 {other_file} 中是 {expected}。</translation>
    </message>
    <message>
        <source>Number {number} is in division {division!r} in {file} but {expected!r} in {other_file}.</source>
        <translation>編號 {number} 在 {file} 中屬於組別 {division!r}，但在 {other_file} 中屬於 {expected!r}。</translation>
    </message>
    <message>
        <source>Number {number} ({name}) is missing from {file}.</source>
        <translation>{file} 中缺少編號 {number}（{name}）。</translation>
    </message>
    <message>
        <source>{file} has no mark for number {number} ({name}) in {criterion}, which other judges marked.</source>
        <translation>{file} 沒有編號 {number}（{name}）的 {criterion} 分數，但其他評審已評分。</translation>
    </message>
    <message>
        <source>{file}: the name does not begin with a contestant number</source>
        <translation>{file}：檔名開頭不是參賽者編號</translation>
    </message>
    <message>
        <source>{file}: no contestant has number {number}</source>
        <translation>{file}：沒有編號為 {number} 的參賽者</translation>
    </message>
    <message>
        <source>None of the {count} photos could be used: {files}</source>
        <translation>{count} 張照片都無法使用：{files}</translation>
    </message>
    <message>
        <source>The photos disagree (scores spread {spread}, more than the score&apos;s error {error}): are they all of this contestant? Score them one at a time.</source>
        <translation>這些照片的分數不一致（分數離散 {spread}，大於分數誤差 {error}）：都是這位參賽者的照片嗎？請逐張評分。</translation>
    </message>
    <message>
        <source>Cannot export to {path}: use a .csv or .xlsx file name.</source>
        <translation>無法匯出至 {path}：請使用 .csv 或 .xlsx 檔名。</translation>
    </message>
    <message>
        <source>Cannot export the audit log to {path}: use a .csv file name.</source>
        <translation>無法將稽核紀錄匯出至 {path}：請使用 .csv 檔名。</translation>
    </message>
    <message>
        <source>Cannot export to {path}: use a .csv, .xlsx or .pdf file name.</source>
        <translation>無法匯出至 {path}：請使用 .csv、.xlsx 或 .pdf 檔名。</translation>
    </message>
    <message>
        <source>Could not export to {path}: {reason}.</source>
        <translation>無法匯出至 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Could not export to {path}: the file is read-only; choose another name, or make the file writable first.</source>
        <translation>無法匯出至 {path}：檔案為唯讀；請換個檔名，或先讓檔案可寫入。</translation>
    </message>
    <message>
        <source>Could not export to {path}: the folder {folder} cannot be written to.</source>
        <translation>無法匯出至 {path}：無法寫入資料夾 {folder}。</translation>
    </message>
    <message>
        <source>Could not export to {path}: the folder does not exist.</source>
        <translation>無法匯出至 {path}：資料夾不存在。</translation>
    </message>
    <message>
        <source>Could not export to {path}: the disk is full.</source>
        <translation>無法匯出至 {path}：磁碟已滿。</translation>
    </message>
    <message>
        <source>Could not export to {path}: permission denied (is the file open in another program?).</source>
        <translation>無法匯出至 {path}：權限不足（檔案是否已在其他程式中開啟？）。</translation>
    </message>
    <message>
        <source>{file}: file not found</source>
        <translation>{file}：找不到檔案</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}：檔案是空的</translation>
    </message>
    <message>
        <source>{file}: this is a folder, not an image file</source>
        <translation>{file}：這是資料夾，不是影像檔</translation>
    </message>
    <message>
        <source>{file}: image too large ({width}x{height}; at most {limit} megapixels)</source>
        <translation>{file}：影像太大（{width}x{height}；最多 {limit} 百萬像素）</translation>
    </message>
    <message>
        <source>{file}: image too large (over {limit} megapixels)</source>
        <translation>{file}：影像太大（超過 {limit} 百萬像素）</translation>
    </message>
    <message>
        <source>{file}: not a readable image ({reason})</source>
        <translation>{file}：不是可讀取的圖片（{reason}）</translation>
    </message>
    <message>
        <source>{file}: the image is damaged or truncated ({reason})</source>
        <translation>{file}：圖片已損壞或不完整（{reason}）</translation>
    </message>
    <message>
        <source>model card not found: {path}</source>
        <translation>找不到模型卡：{path}</translation>
    </message>
    <message>
        <source>model card unreadable: {path} ({reason})</source>
        <translation>無法讀取模型卡：{path}（{reason}）</translation>
    </message>
    <message>
        <source>model card {file} lacks &apos;{key}&apos;</source>
        <translation>模型卡 {file} 缺少「{key}」</translation>
    </message>
    <message>
        <source>model card {file}: &apos;{key}&apos; is malformed</source>
        <translation>模型卡 {file}：「{key}」格式錯誤</translation>
    </message>
    <message>
        <source>model card: &apos;error_model&apos; is malformed</source>
        <translation>模型卡：「error_model」格式錯誤</translation>
    </message>
    <message>
        <source>model card {file} says input size {declared}, but the model takes {actual}</source>
        <translation>模型卡 {file} 標示的輸入大小為 {declared}，但模型接受的是 {actual}</translation>
    </message>
    <message>
        <source>model file not found: {path}</source>
        <translation>找不到模型檔：{path}</translation>
    </message>
    <message>
        <source>model file {file} does not match its model card (sha256 {actual}… instead of {expected}…): it is damaged or was replaced; reinstall the app</source>
        <translation>模型檔 {file} 與其模型卡不符（sha256 為 {actual}…，應為 {expected}…）：檔案已損壞或被替換；請重新安裝本程式</translation>
    </message>
    <message>
        <source>model file {path} does not match its model card (sha256 {actual}… instead of {expected}…): it is damaged or was replaced; copy the model&apos;s folder again from where it was exported</source>
        <translation>模型檔 {path} 與其模型卡不符（sha256 為 {actual}…，應為 {expected}…）：檔案已損壞或被替換；請從匯出處重新複製整個模型資料夾</translation>
    </message>
    <message>
        <source>model card {path}: its score offset and error model are not the ones version {version} was calibrated with (edited after `facescore calibrate`?); run `facescore calibrate` on it again, or use the card the model came with</source>
        <translation>模型卡 {path}：其分數校正值與誤差模型並非版本 {version} 校準時的數值（是否在 `facescore calibrate` 之後被修改？）；請對它重新執行 `facescore calibrate`，或使用模型原附的模型卡</translation>
    </message>
    <message>
        <source>model {model} was trained on faces prepared as &apos;{declared}&apos;, but this app prepares them as &apos;{expected}&apos;; export the model again with this version of the training package</source>
        <translation>模型 {model} 訓練時的臉部前處理為「{declared}」，但本程式使用「{expected}」；請以此版本的訓練套件重新匯出模型</translation>
    </message>
    <message>
        <source>model file cannot be loaded: {reason}</source>
        <translation>無法載入模型檔：{reason}</translation>
    </message>
    <message>
        <source>Camera {index} cannot be opened; is it connected and not in use by another program?</source>
        <translation>無法開啟攝影機 {index}；請確認已連接且未被其他程式使用。</translation>
    </message>
    <message>
        <source>Video file {path} not found.</source>
        <translation>找不到影片檔 {path}。</translation>
    </message>
    <message>
        <source>{file} cannot be played: not a video, or a format OpenCV cannot decode.</source>
        <translation>{file} 無法播放：不是影片，或是 OpenCV 無法解碼的格式。</translation>
    </message>
    <message>
        <source>Folder {path} not found.</source>
        <translation>找不到資料夾 {path}。</translation>
    </message>
    <message>
        <source>Folder {path} holds no images ({suffixes}).</source>
        <translation>資料夾 {path} 中沒有圖片（{suffixes}）。</translation>
    </message>
    <message>
        <source>No camera, video file or image folder was given.</source>
        <translation>未指定攝影機、影片檔或圖片資料夾。</translation>
    </message>
    <message>
        <source>Unexpected error: {detail}</source>
        <translation>未預期的錯誤：{detail}</translation>
    </message>
    <message>
        <source>Cannot read the photo: {detail}</source>
        <translation>無法讀取照片：{detail}</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>About the model…</source>
        <translation>關於模型…</translation>
    </message>
    <message>
        <source>Load model…</source>
        <translation>載入模型…</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>開啟記錄檔資料夾</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>載入模型</translation>
    </message>
    <message>
        <source>Model cards (model_card.json);;Models (*.tflite)</source>
        <translation>模型卡 (model_card.json);;模型 (*.tflite)</translation>
    </message>
    <message>
        <source>Loading the model {path}…</source>
        <translation>正在載入模型 {path}…</translation>
    </message>
    <message>
        <source>The model {version} keeps scoring.</source>
        <translation>目前的模型 {version} 繼續評分。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Capture history: No. {number} {name}</source>
        <translation>拍攝紀錄：{number} 號 {name}</translation>
    </message>
    <message>
        <source>No. {number} · {name}</source>
        <translation>{number} 號 · {name}</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>連拍差異</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>拍攝時間</translation>
    </message>
    <message>
        <source>Scored from</source>
        <translation>評分依據</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message numerus="yes">
        <source>%n captures, newest first. Only the current one counts in the ranking; the ones a retake replaced stay on record.</source>
        <translation>
            <numerusform>共 %n 次拍攝，最新的在最上方。只有目前的結果計入排名；被重拍取代的結果保留作為紀錄。</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo file</source>
        <translation>照片檔</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>攝影機</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>目前</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已取代</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Retake</source>
        <translation>重拍</translation>
    </message>
    <message>
        <source>Retake  [Space]</source>
        <translation>重拍  [空白鍵]</translation>
    </message>
    <message>
        <source>Capture again: the new score replaces the current one, which stays in the history (Space)</source>
        <translation>重新拍攝：新分數取代目前的分數，舊分數保留在紀錄中（空白鍵）</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>拍攝</translation>
    </message>
    <message>
        <source>Capture  [Space]</source>
        <translation>拍攝  [空白鍵]</translation>
    </message>
    <message>
        <source>Photograph the selected contestant and score the face (Space)</source>
        <translation>拍攝所選參賽者並為臉部評分（空白鍵）</translation>
    </message>
    <message>
        <source>FaceScore Judge</source>
        <translation>FaceScore 評審助手</translation>
    </message>
    <message>
        <source>Untitled contest</source>
        <translation>未命名比賽</translation>
    </message>
    <message>
        <source>Contest file: {path}</source>
        <translation>比賽檔案：{path}</translation>
    </message>
    <message>
        <source>No contestants yet: add one (Ctrl+N) or import a roster from CSV or Excel (Ctrl+R).</source>
        <translation>尚無參賽者：請新增參賽者（Ctrl+N）或從 CSV 或 Excel 匯入名單（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Import photo</source>
        <translation>匯入照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;All files (*)</source>
        <translation>圖片 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>The capture was not saved</source>
        <translation>拍攝結果未儲存</translation>
    </message>
    <message>
        <source>{title} (finalized)</source>
        <translation>{title}（已定案）</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Import photo…</source>
        <translation>匯入照片…</translation>
    </message>
    <message>
        <source>Look for cameras again</source>
        <translation>重新尋找攝影機</translation>
    </message>
    <message>
        <source>{file} is named for No. {other_number} {other_name}, but No. {number} {name} is selected. Score it for No. {number} {name}?</source>
        <translation>{file} 的檔名是 {other_number} 號 {other_name}，但目前選取的是 {number} 號 {name}。要將它評分給 {number} 號 {name} 嗎？</translation>
    </message>
    <message>
        <source>Model not available</source>
        <translation>模型無法使用</translation>
    </message>
    <message>
        <source>&amp;Contest</source>
        <translation>比賽(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;ontestants</source>
        <translation>參賽者(&amp;O)</translation>
    </message>
    <message>
        <source>C&amp;apture</source>
        <translation>拍攝(&amp;A)</translation>
    </message>
    <message>
        <source>Criteria…</source>
        <translation>評分標準…</translation>
    </message>
    <message>
        <source>Judge&apos;s marks</source>
        <translation>評審評分</translation>
    </message>
    <message>
        <source>Tabulate judges&apos; files…</source>
        <translation>彙整評審檔案…</translation>
    </message>
    <message numerus="yes">
        <source>Named for other contestants: {files}. No. {number} {name} is selected. Score the %n photos for No. {number} {name}?</source>
        <translation>
            <numerusform>檔名屬於其他參賽者：{files}。目前選取的是 {number} 號 {name}。要將這 %n 張照片評分給 {number} 號 {name} 嗎？</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} (No. {number} {name})</source>
        <translation>{file}（{number} 號 {name}）</translation>
    </message>
    <message>
        <source>No face can be scored until a model loads: install the app again, or load another model (Help → Load model…).</source>
        <translation>載入模型前無法為任何臉孔評分：請重新安裝本程式，或載入其他模型（說明 → 載入模型…）。</translation>
    </message>
    <message>
        <source>Advisory scores</source>
        <translation>參考分數</translation>
    </message>
</context>
<context>
    <name>MarksModel</name>
    <message>
        <source>No.</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>組別</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>總分</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Advisory
score</source>
        <translation>參考
分數</translation>
    </message>
    <message>
        <source>Advisory
score ({scale})</source>
        <translation>參考
分數（{scale}）</translation>
    </message>
    <message>
        <source>The advisory face score (1–5) mapped onto {low}–{high}; not typed.</source>
        <translation>參考臉部分數（1–5）對應到 {low}–{high}；不需輸入。</translation>
    </message>
    <message>
        <source>Type a mark from {low} to {high} in steps of {step}; Tab: next criterion, Enter: next contestant.</source>
        <translation>請輸入 {low} 至 {high}、級距 {step} 的分數；Tab：下一項標準，Enter：下一位參賽者。</translation>
    </message>
    <message>
        <source>Weighted total out of 100: the sum of weight × mark ÷ highest mark.</source>
        <translation>加權總分（滿分 100）：權重 × 分數 ÷ 最高分 的總和。</translation>
    </message>
    <message>
        <source>Rank in the division by total; a tie goes to the higher mark in the first criterion, then the next. “=” marks a tie that remains.</source>
        <translation>依總分在組別內排名；同分時比較第一項標準的分數，再比較下一項。「=」表示仍然並列。</translation>
    </message>
    <message>
        <source>No. {number} {name}: {reason} Not saved.</source>
        <translation>{number} 號 {name}：{reason} 未儲存。</translation>
    </message>
</context>
<context>
    <name>MarksPanel</name>
    <message>
        <source>Judge&apos;s name</source>
        <translation>評審姓名</translation>
    </message>
    <message>
        <source>The judge whose marks this contest file holds:</source>
        <translation>此比賽檔案所記錄評分的評審：</translation>
    </message>
    <message>
        <source>Judge&apos;s name…</source>
        <translation>評審姓名…</translation>
    </message>
    <message>
        <source>Marks of {judge}</source>
        <translation>{judge} 的評分</translation>
    </message>
    <message>
        <source>Marks (no judge&apos;s name yet)</source>
        <translation>評分（尚未填寫評審姓名）</translation>
    </message>
    <message>
        <source>This contest has no criteria yet: define them with Contest → Criteria… before the first mark.</source>
        <translation>此比賽尚無評分標準：請先在「比賽 → 評分標準…」中定義，再開始評分。</translation>
    </message>
    <message>
        <source>The contest is finalized: marks cannot change until it is reopened.</source>
        <translation>比賽已定案：重新開放前不能變更評分。</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <source>the 5500 faces of SCUT-FBP5500 (Asian and Caucasian adults), by their mean rating from 60 volunteers</source>
        <translation>SCUT-FBP5500 的 5500 張臉孔（亞洲與白人成年人），依 60 位志願者的平均評分</translation>
    </message>
</context>
<context>
    <name>ModelStatus</name>
    <message>
        <source>Model not available: {reason}</source>
        <translation>模型無法使用：{reason}</translation>
    </message>
    <message>
        <source>Model ready ({version})</source>
        <translation>模型就緒（{version}）</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>正在載入模型…</translation>
    </message>
</context>
<context>
    <name>PreferenceMenus</name>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>Score scale</source>
        <translation>分數量表</translation>
    </message>
    <message>
        <source>{scale} (the raters&apos; scale)</source>
        <translation>{scale}（評分者的量表）</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>RemovedDialog</name>
    <message>
        <source>Removed contestants</source>
        <translation>已移除的參賽者</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢復</translation>
    </message>
    <message>
        <source>Removed contestants are not shown in the results. Restore brings one back with all their captures.</source>
        <translation>已移除的參賽者不會顯示在結果中。按「恢復」可連同其所有拍攝紀錄一併恢復。</translation>
    </message>
    <message>
        <source>No contestant has been removed from this contest.</source>
        <translation>本比賽沒有已移除的參賽者。</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen results</source>
        <translation>重新開放成績</translation>
    </message>
    <message>
        <source>Finalized results are the ones the judges sign: changing them needs the head judge&apos;s consent. The head judge&apos;s name and the reason are recorded in the audit log.</source>
        <translation>定案的成績是評審簽名的成績：更改需要總評審同意。總評審的姓名與理由會記錄在稽核紀錄中。</translation>
    </message>
    <message>
        <source>e.g. a mistyped mark for No. 12</source>
        <translation>例如：12 號的分數打錯</translation>
    </message>
    <message>
        <source>Head judge:</source>
        <translation>總評審：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新開放</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>組別</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等級</translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>並列</translation>
    </message>
    <message>
        <source>Score ({scale})</source>
        <translation>分數（{scale}）</translation>
    </message>
    <message>
        <source>not captured</source>
        <translation>尚未拍攝</translation>
    </message>
    <message>
        <source>Predicted mean rating of the raters (their scale is 1–5), shown on {scale} ± its typical error. Advisory: one input for the judges, never the sole ranking.</source>
        <translation>評分者的預測平均評分（其量表為 1–5），以 {scale} 顯示 ± 典型誤差。僅供參考：是評審的依據之一，絕不可作為唯一排名依據。</translation>
    </message>
    <message>
        <source>Level 1–5: the score rounded up to a whole step of the scale.</source>
        <translation>等級 1–5：分數無條件進位到量表的整數級距。</translation>
    </message>
    <message>
        <source>Percent of the reference faces rated lower (the model card names them once the model is loaded).</source>
        <translation>參考臉孔中評分較低者所佔的百分比（模型載入後會顯示模型卡所述的族群）。</translation>
    </message>
    <message>
        <source>Percent of the reference population rated lower: {population}. Not a percentage of people in general.</source>
        <translation>參考族群中評分較低者所佔的百分比：{population}。並非一般人群的百分比。</translation>
    </message>
    <message>
        <source>Scored from {used}, spread {spread} · taken {time} · model {model}. Double-click for every capture (Ctrl+H).</source>
        <translation>依據 {used} 評分，差異 {spread} · 拍攝時間 {time} · 模型 {model}。按兩下可查看所有拍攝紀錄（Ctrl+H）。</translation>
    </message>
    <message>
        <source>Ranked within the division. A contestant is placed surely above another only when its score is higher by at least the mean of their two errors; the range in brackets is every place that leaves possible, and a range means a tie.</source>
        <translation>名次在組別內計算。只有當分數高出兩者誤差平均值以上時，才確定排在另一位之前；括號內為所有可能的名次，有範圍即為並列。</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>並列</translation>
    </message>
</context>
<context>
    <name>ResultsSheet</name>
    <message>
        <source>Face score by model {version}, checksum (SHA-256) {sha256}.</source>
        <translation>臉部分數由模型 {version} 計算，校驗碼（SHA-256）{sha256}。</translation>
    </message>
    <message>
        <source>Judge {index}</source>
        <translation>評審 {index}</translation>
    </message>
    <message>
        <source>Head judge</source>
        <translation>評審長</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>簽名</translation>
    </message>
    <message>
        <source>no division</source>
        <translation>未分組</translation>
    </message>
    <message>
        <source>Contest results</source>
        <translation>比賽結果</translation>
    </message>
    <message>
        <source>Printed {when}</source>
        <translation>列印時間 {when}</translation>
    </message>
    <message>
        <source>Final: the contest is finalized.</source>
        <translation>定稿：本比賽已定案。</translation>
    </message>
    <message>
        <source>Draft: the contest is not finalized, and these results may still change.</source>
        <translation>草稿：本比賽尚未定案，結果仍可能變動。</translation>
    </message>
    <message>
        <source>Advisory face scores, ranked within the division: one input for the judges, not their ranking.</source>
        <translation>臉部參考分數，於組別內排序：僅供評審參考，並非評審的名次。</translation>
    </message>
    <message>
        <source>Division: {division}</source>
        <translation>組別：{division}</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>第 {page} 頁，共 {pages} 頁</translation>
    </message>
    <message>
        <source>These scores come from {count} different models ({versions}): score every contestant of this division again with one model before signing.</source>
        <translation>這些分數來自 {count} 個不同的模型（{versions}）：簽名前請以同一個模型為本組每位參賽者重新評分。</translation>
    </message>
    <message>
        <source>No face scores in this division yet.</source>
        <translation>本組尚無臉部分數。</translation>
    </message>
    <message>
        <source>Face score by model {version}.</source>
        <translation>臉部分數由模型 {version} 計算。</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <source>All divisions</source>
        <translation>全部組別</translation>
    </message>
    <message>
        <source>No division</source>
        <translation>未分組</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Import roster: {file}</source>
        <translation>匯入名單：{file}</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>{imported}; {skipped}. Text encoding: {encoding}.</source>
        <translation>{imported}；{skipped}。文字編碼：{encoding}。</translation>
    </message>
    <message numerus="yes">
        <source>%n contestants will be imported</source>
        <translation>
            <numerusform>將匯入 %n 位參賽者</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows have problems and will be skipped</source>
        <translation>
            <numerusform>%n 列有問題，將略過</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 活頁簿</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Not imported (no such field): {columns}.</source>
        <translation>未匯入（無對應欄位）：{columns}。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message numerus="yes">
        <source>Import %n contestants</source>
        <translation>
            <numerusform>匯入 %n 位參賽者</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TabulateDialog</name>
    <message>
        <source>Tabulate judges&apos; files</source>
        <translation>彙整評審檔案</translation>
    </message>
    <message>
        <source>Add judges&apos; files…</source>
        <translation>加入評審檔案…</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>移除檔案</translation>
    </message>
    <message>
        <source>Drop each criterion&apos;s highest and lowest mark ({minimum} judges or more)</source>
        <translation>去掉每項標準的最高分與最低分（{minimum} 位評審以上）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Judges&apos; contest files</source>
        <translation>評審的比賽檔案</translation>
    </message>
    <message>
        <source>Contest files (*.sqlite);;All files (*)</source>
        <translation>比賽檔案 (*.sqlite);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>{judge} — {file}</source>
        <translation>{judge} — {file}</translation>
    </message>
    <message>
        <source>Reading the judges&apos; files…</source>
        <translation>正在讀取評審的檔案…</translation>
    </message>
    <message>
        <source>Add each judge&apos;s contest file of this contest (from their laptops, e.g. on a USB stick).</source>
        <translation>請加入每位評審此比賽的比賽檔案（從他們的筆電複製，例如用 USB 隨身碟）。</translation>
    </message>
    <message>
        <source>Nothing was combined: the files do not match (problems: {count}). Correct the files, then add them again.</source>
        <translation>未進行合併：檔案內容不一致（問題數：{count}）。請修正檔案後再重新加入。</translation>
    </message>
    <message>
        <source>{contest}: {count} judges combined, ranked per division; a tie in the total goes to the higher mark in the first criterion, then the next (“=”: still tied). Under each combined mark, the judges&apos; marks in this order: {judges}.</source>
        <translation>{contest}：已合併 {count} 位評審，依組別排名；總分相同時比較第一項標準的分數，再比較下一項（「=」：仍然並列）。每個合併分數下方依序列出各評審的分數：{judges}。</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>組別</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>總分</translation>
    </message>
    <message>
        <source>Advisory score</source>
        <translation>參考分數</translation>
    </message>
    <message>
        <source>Export the tabulation</source>
        <translation>匯出彙整結果</translation>
    </message>
    <message>
        <source>PDF sheet to sign (*.pdf);;CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>供簽名的 PDF 表 (*.pdf);;CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已匯出至 {path}。</translation>
    </message>
</context>
<context>
    <name>TabulationReport</name>
    <message>
        <source>advisory face score</source>
        <translation>參考臉部分數</translation>
    </message>
    <message>
        <source>The highest and lowest mark of each criterion are dropped ({minimum} judges or more), the others averaged</source>
        <translation>每項標準去掉最高分與最低分（{minimum} 位評審以上），其餘取平均</translation>
    </message>
    <message>
        <source>The judges&apos; marks of each criterion are averaged</source>
        <translation>每項標準取評審分數的平均</translation>
    </message>
    <message>
        <source>Criteria: {criteria}.</source>
        <translation>評分標準：{criteria}。</translation>
    </message>
    <message>
        <source>{combined}; total = the sum of weight × mark ÷ highest mark (out of 100).</source>
        <translation>{combined}；總分 = 權重 × 分數 ÷ 最高分 的總和（滿分 100）。</translation>
    </message>
    <message>
        <source>The advisory face score is shown for information; it counts only where it is a criterion.</source>
        <translation>參考臉部分數僅供參考；只有列為評分標準時才計分。</translation>
    </message>
    <message>
        <source>{contest} — Tabulation</source>
        <translation>{contest} — 成績彙整</translation>
    </message>
    <message>
        <source>Judges: {judges}</source>
        <translation>評審：{judges}</translation>
    </message>
    <message>
        <source>No division</source>
        <translation>未分組</translation>
    </message>
    <message>
        <source>{division} · page {page} of {pages}</source>
        <translation>{division} · 第 {page} 頁，共 {pages} 頁</translation>
    </message>
    <message>
        <source>{criterion} is the advisory face score: the mean of the files&apos; face scores, mapped onto its range, never dropped.</source>
        <translation>{criterion} 為參考臉部分數：各檔案臉部分數的平均，換算至該項的分數範圍，不會被去除。</translation>
    </message>
    <message>
        <source>A tie in the total as printed goes to the higher mark in the first criterion, then the next; a tie that survives every criterion stays a tie.</source>
        <translation>印出的總分相同時比較第一項標準的分數，再比較下一項；每項標準都相同者仍為並列。</translation>
    </message>
    <message>
        <source>Final: every judge&apos;s file is finalized.</source>
        <translation>定案：每位評審的檔案皆已定案。</translation>
    </message>
    <message>
        <source>Draft: not finalized by {judges}; these results may still change.</source>
        <translation>草稿：{judges} 尚未定案；結果仍可能變動。</translation>
    </message>
    <message>
        <source>No total for No. {numbers}: a mark is missing.</source>
        <translation>{numbers} 號沒有總分：缺少評分。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>總分</translation>
    </message>
    <message>
        <source>Advisory face score</source>
        <translation>參考臉部分數</translation>
    </message>
    <message>
        <source>Under each mark: the judges’ marks in this order: {judges}. “=” marks a tie.</source>
        <translation>每個分數下方依序為各評審的分數：{judges}。「=」表示並列。</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>簽名</translation>
    </message>
</context>
</TS>

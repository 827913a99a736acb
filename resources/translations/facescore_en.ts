<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CameraPanel</name>
    <message numerus="yes">
        <source>Scoring %n photos for No. {number} {name}…</source>
        <translation>
            <numerusform>Scoring %n photo for No. {number} {name}…</numerusform>
            <numerusform>Scoring %n photos for No. {number} {name}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{used} of %n photos used</source>
        <translation>
            <numerusform>{used} of %n photo used</numerusform>
            <numerusform>{used} of %n photos used</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{used} of %n frames used</source>
        <translation>
            <numerusform>{used} of %n frame used</numerusform>
            <numerusform>{used} of %n frames used</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptureTexts</name>
    <message numerus="yes">
        <source>%n photos</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frames</source>
        <translation>
            <numerusform>%n frame</numerusform>
            <numerusform>%n frames</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%n captures, newest first. Only the current one counts in the ranking; the ones a retake replaced stay on record.</source>
        <translation>
            <numerusform>%n capture, newest first. Only the current one counts in the ranking; the ones a retake replaced stay on record.</numerusform>
            <numerusform>%n captures, newest first. Only the current one counts in the ranking; the ones a retake replaced stay on record.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Named for other contestants: {files}. No. {number} {name} is selected. Score the %n photos for No. {number} {name}?</source>
        <translation>
            <numerusform>Named for other contestants: {files}. No. {number} {name} is selected. Score the %n photo for No. {number} {name}?</numerusform>
            <numerusform>Named for other contestants: {files}. No. {number} {name} is selected. Score the %n photos for No. {number} {name}?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message numerus="yes">
        <source>%n contestants will be imported</source>
        <translation>
            <numerusform>%n contestant will be imported</numerusform>
            <numerusform>%n contestants will be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows have problems and will be skipped</source>
        <translation>
            <numerusform>%n row has problems and will be skipped</numerusform>
            <numerusform>%n rows have problems and will be skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n contestants</source>
        <translation>
            <numerusform>Import %n contestant</numerusform>
            <numerusform>Import %n contestants</numerusform>
        </translation>
    </message>
</context>
</TS>

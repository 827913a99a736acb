<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CameraPanel</name>
    <message numerus="yes">
        <source>No. {number} {name}: {score} ± {error} · level {level} · higher than {percentile}% of the reference faces ({used} of %n frames used, spread {spread})</source>
        <translation>
            <numerusform>No. {number} {name}: {score} ± {error} · level {level} · higher than {percentile}% of the reference faces ({used} of %n frame used, spread {spread})</numerusform>
            <numerusform>No. {number} {name}: {score} ± {error} · level {level} · higher than {percentile}% of the reference faces ({used} of %n frames used, spread {spread})</numerusform>
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

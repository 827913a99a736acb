; Inno Setup script: a per-user installer for the one-folder Windows build.
;
; Build the folder first, on Windows, from the repository root:
;     py -3.11 -m venv .venv && .venv\Scripts\pip install -e ".[build]"
;     .venv\Scripts\pyinstaller --noconfirm --clean build.spec      -> dist\FaceScoreJudge\
; then compile this script with Inno Setup 6 (https://jrsoftware.org/isinfo.php):
;     for /f %v in ('.venv\Scripts\python -m core.version') do set VERSION=%v
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=%VERSION% packaging\windows\FaceScoreJudge.iss
;     -> dist\installer\FaceScoreJudge-<version>-setup.exe
; The version is the package's (pyproject.toml, read by core.version); the release workflow
; (.github/workflows/release.yml) passes it the same way.
;
; Kept simple on purpose: no admin rights (installs under %LOCALAPPDATA%\Programs), a Start menu
; entry, an optional desktop icon, and an uninstaller. Contests live in the user's app data
; folder, outside the install folder, so uninstalling or upgrading never deletes them.
; This script has not been compiled by the project yet (no Windows machine); check it on the
; first Windows build.

#define AppName "FaceScore Judge"
#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=<python -m core.version>
#endif
#define AppExe "FaceScoreJudge.exe"
#define BuildDir "..\..\dist\FaceScoreJudge"

[Setup]
AppId={{6E0C5B1E-3F0A-4C53-9E51-FACE5C0E0001}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=FaceScore Team
DefaultDirName={autopf}\FaceScoreJudge
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=FaceScoreJudge-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\facescore.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

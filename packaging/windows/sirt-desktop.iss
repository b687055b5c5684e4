; Inno Setup 6 script: the Windows installer for SIRT Desktop.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\sirt-desktop.iss
;
; Takes the one-folder build in dist\sirt-desktop (python scripts\build_dist.py) and the icon
; in build\icons (scripts\make_icons.py), and writes dist\SIRT-Desktop-<version>-setup.exe.
; The CI workflow (.github/workflows/package.yml) passes AppVersion from sirt_desktop.__version__;
; the default below must equal it (tests/packaging/test_versions.py checks).
;
; Installs for the current user without administrator rights (a charity office computer may
; not give them), or for everyone when the person chooses so. Uninstalling removes the program
; only: letters, profiles and settings stay in %LOCALAPPDATA%\sirt-desktop.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "SIRT Desktop"
#define AppExe "sirt-desktop.exe"
#define Root "..\.."

[Setup]
; Never change AppId: it is how Windows knows a newer installer is an upgrade of this app.
AppId={{4FFB6368-FF41-4CC0-8DD5-4498D2155DF2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=SIRT Desktop contributors
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=SIRT-Desktop-{#AppVersion}-setup
SetupIconFile={#Root}\build\icons\sirt-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The app must not be running while its files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle: nothing of the older build (a library, a migration)
; may stay beside the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\sirt-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Understand SIRT, see where funding stands, and write letters"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

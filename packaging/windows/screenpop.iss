; Inno Setup 6 script for Screenpop: a per-user installer, no admin rights.
;
; Built by packaging\windows\build.ps1, which runs PyInstaller first and then
;   iscc /DAppVersion=X.Y.Z packaging\windows\screenpop.iss
; with the version read from screenpop\__init__.py (the one place it is
; written). The bundle comes from dist\screenpop; the installer goes to dist\.
;
; The [Registry] section writes exactly what `screenpop --register-handler`
; writes (screenpop\platform\windows.py): the URL protocol keys under
; HKCU\Software\Classes, the Capabilities that list Screenpop in Default Apps,
; and its RegisteredApplications value. tests\unit\packaging\test_inno_setup.py
; compares the two, so they cannot drift apart. The uninstaller removes them
; again, as `screenpop --unregister-handler` does.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (packaging\windows\build.ps1 does)
#endif
#define AppName "Screenpop"
#define AppExe "screenpop.exe"
#define BundleDir "..\..\dist\screenpop"

[Setup]
; Never change AppId: it is how an upgrade finds the installed copy.
AppId={{46B80966-6976-472B-814D-3C1328C4F86F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Screenpop developers
; Per user: installs under %LOCALAPPDATA%\Programs, writes only HKCU, and
; never asks for elevation (agents' PCs seldom give them admin rights).
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The URL protocol keys are associations: tell Explorer they changed.
ChangesAssociations=yes
; A running Screenpop is asked to close before its files are replaced.
CloseApplications=yes
RestartApplications=no
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=screenpop-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Files]
; The whole PyInstaller folder: screenpop.exe (windowed, what links start),
; screenpop-cli.exe (the same program with a console, for the terminal
; commands) and _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle whole: no library of an older version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Show the caller's record from the dialer"
Name: "{group}\{#AppName} (demo)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; Comment: "Try Screenpop with the built-in demo server"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Registry]
; tel:, callto:, sip: and sips: links open Screenpop, the link after --.
Root: HKCU; Subkey: "Software\Classes\tel"; ValueType: string; ValueName: ""; ValueData: "URL:tel link (Screenpop)"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\tel"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\tel\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" -- ""%1"""
Root: HKCU; Subkey: "Software\Classes\callto"; ValueType: string; ValueName: ""; ValueData: "URL:callto link (Screenpop)"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\callto"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\callto\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" -- ""%1"""
Root: HKCU; Subkey: "Software\Classes\sip"; ValueType: string; ValueName: ""; ValueData: "URL:sip link (Screenpop)"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\sip"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\sip\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" -- ""%1"""
Root: HKCU; Subkey: "Software\Classes\sips"; ValueType: string; ValueName: ""; ValueData: "URL:sips link (Screenpop)"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\sips"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\sips\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" -- ""%1"""
; What lists Screenpop in Settings > Default Apps, where the agent picks it
; (Windows lets no program make itself the default).
Root: HKCU; Subkey: "Software\Screenpop"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Screenpop\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "Screenpop"
Root: HKCU; Subkey: "Software\Screenpop\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "Shows the caller's record from the dialer"
Root: HKCU; Subkey: "Software\Screenpop\Capabilities\URLAssociations"; ValueType: string; ValueName: "tel"; ValueData: "tel"
Root: HKCU; Subkey: "Software\Screenpop\Capabilities\URLAssociations"; ValueType: string; ValueName: "callto"; ValueData: "callto"
Root: HKCU; Subkey: "Software\Screenpop\Capabilities\URLAssociations"; ValueType: string; ValueName: "sip"; ValueData: "sip"
Root: HKCU; Subkey: "Software\Screenpop\Capabilities\URLAssociations"; ValueType: string; ValueName: "sips"; ValueData: "sips"
Root: HKCU; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "org.screenpop.Screenpop"; ValueData: "Software\Screenpop\Capabilities"; Flags: uninsdeletevalue

[Run]
Filename: "ms-settings:defaultapps"; Description: "Choose Screenpop for phone links (opens Default Apps)"; Flags: shellexec postinstall skipifsilent nowait unchecked
Filename: "{app}\{#AppExe}"; Description: "Start Screenpop"; Flags: postinstall skipifsilent nowait

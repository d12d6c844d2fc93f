# Build the Windows bundle (PyInstaller, one folder) and the per-user
# installer (Inno Setup 6), from the repository root or anywhere:
#
#   py -3.11 -m venv .venv
#   .venv\Scripts\pip install -e ".[package]"
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Options: -Python PATH (default .venv\Scripts\python.exe), -Iscc PATH
# (default: ISCC.exe of an Inno Setup 6 installed for all users or this user,
# or on PATH), -SkipInstaller (the bundle only).
#
# Output: dist\screenpop\ (screenpop.exe, screenpop-cli.exe, _internal\) and
# dist\screenpop-VERSION-windows-x64-setup.exe.
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
$repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $repo

if (-not $Python) { $Python = Join-Path $repo ".venv\Scripts\python.exe" }
# The one place the version is written is screenpop\__init__.py.
$version = (& $Python packaging\build_config.py version).Trim()
if ($LASTEXITCODE -ne 0 -or -not $version) { throw "cannot read the version with $Python" }
Write-Host "build: Screenpop $version for windows-x64"

$started = Get-Date
& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\screenpop.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$built = Get-Date

# The console twin answers on stdout; the windowed screenpop.exe cannot.
$reported = (& dist\screenpop\screenpop-cli.exe --version | Out-String).Trim()
if ($reported -ne "screenpop $version") { throw "the bundle reports '$reported', not 'screenpop $version'" }
$record = & dist\screenpop\screenpop-cli.exe lookup --demo --phone 8004321000 --json | ConvertFrom-Json
if ($record.lead.lead_id -ne "14246") { throw "the bundle's demo lookup found the wrong record" }

$bytes = (Get-ChildItem dist\screenpop -Recurse -File | Measure-Object Length -Sum).Sum
Write-Host ("build: bundle dist\screenpop: {0:N1} MiB unpacked" -f ($bytes / 1MB))
Write-Host ("build: {0:N1} s PyInstaller" -f ($built - $started).TotalSeconds)
if ($SkipInstaller) { exit 0 }

if (-not $Iscc) {
    $candidates = @(
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    $Iscc = $candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $Iscc) { $Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source }
    if (-not $Iscc) { throw "Inno Setup 6 not found (winget install JRSoftware.InnoSetup), or pass -Iscc" }
}
& $Iscc "/DAppVersion=$version" packaging\windows\screenpop.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
$setup = Get-Item "dist\screenpop-$version-windows-x64-setup.exe"
Write-Host ("build: installer {0}: {1:N1} MiB" -f $setup.FullName, ($setup.Length / 1MB))

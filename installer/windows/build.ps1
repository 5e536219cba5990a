# Build the RectDesk Windows installer on a Windows 10/11 x64 PC.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#
# Needs, once per build PC (internet access only for this preparation):
#   1. Python 3.11 x64 from python.org, with the "py" launcher
#        winget install --id Python.Python.3.11 -e
#   2. NSIS 3 (makensis)
#        winget install --id NSIS.NSIS -e
# Then the script: creates a build venv with the pinned runtime and PyInstaller
# (installer\requirements-windows.txt), builds dist\rectdesk\ (rectdesk.exe + rectdesk-cli.exe),
# runs both smoke tests on temporary data, compiles dist\rectdesk-<version>-setup.exe with NSIS
# and prints its size and SHA-256 for the hand-over note.

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

function Step($Text) { Write-Host "==> $Text" -ForegroundColor Cyan }
function Fail($Text) { Write-Host "FAILED: $Text" -ForegroundColor Red; exit 1 }

Step "checking the build PC"
if ([Environment]::OSVersion.Version.Major -lt 10) { Fail "build on Windows 10 or 11" }
if (-not [Environment]::Is64BitOperatingSystem) { Fail "build on 64-bit Windows" }
$Py = Get-Command py -ErrorAction SilentlyContinue
if (-not $Py) { Fail "the py launcher is missing: winget install --id Python.Python.3.11 -e" }
& py -3.11 -c "import struct, sys; sys.exit(0 if struct.calcsize('P') == 8 else 1)"
if ($LASTEXITCODE -ne 0) { Fail "Python 3.11 x64 is missing: winget install --id Python.Python.3.11 -e" }
$Nsis = @("${env:ProgramFiles(x86)}\NSIS\makensis.exe", "$env:ProgramFiles\NSIS\makensis.exe") |
    Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $Nsis -and -not (Get-Command makensis -ErrorAction SilentlyContinue)) {
    Fail "NSIS is missing: winget install --id NSIS.NSIS -e"
}

$Venv = Join-Path $env:TEMP "rectdesk-build-venv-windows-x86_64"
Step "bundle (PyInstaller, build venv $Venv)"
& py -3.11 installer\build.py bundle --venv $Venv
if ($LASTEXITCODE -ne 0) { Fail "installer\build.py bundle" }

Step "smoke tests of the bundle (temporary data, no window)"
$env:QT_QPA_PLATFORM = "offscreen"
& dist\rectdesk\rectdesk-cli.exe smoke-test
if ($LASTEXITCODE -ne 0) { Fail "rectdesk-cli.exe smoke-test" }
# rectdesk.exe is a windowed program: wait for it and read its exit code.
$Gui = Start-Process -FilePath dist\rectdesk\rectdesk.exe -ArgumentList "--smoke-test" -Wait -PassThru
if ($Gui.ExitCode -ne 0) { Fail "rectdesk.exe --smoke-test exited with $($Gui.ExitCode)" }
Remove-Item Env:\QT_QPA_PLATFORM

Step "installer (NSIS)"
& py -3.11 installer\build.py nsis --venv $Venv
if ($LASTEXITCODE -ne 0) { Fail "installer\build.py nsis" }

$Setup = Get-ChildItem dist\rectdesk-*-setup.exe | Sort-Object LastWriteTime | Select-Object -Last 1
$Hash = (Get-FileHash $Setup.FullName -Algorithm SHA256).Hash
Write-Host ""
Write-Host ("{0}  {1:N0} MiB" -f $Setup.Name, ($Setup.Length / 1MB))
Write-Host "SHA-256 $Hash"
Write-Host "Test it on a clean Windows 10 PC: per-user install, start, uninstall keeping the data."

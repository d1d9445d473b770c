# Build the Windows .msi for RoomNet Organizer with the JDK's jpackage.
#
# Run from the repository root (PowerShell), after:   mvn -B -DskipTests package
# Needs: JDK 17+ (jpackage) and WiX Toolset 3.x (candle.exe / light.exe on PATH;
#        JDK 17's jpackage does not support WiX 4+).
#
# Usage:   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 [-Version 0.1.0]
# Output:  target\installer\RoomNet Organizer-<version>.msi
param(
    # MSI versions must be numeric: MAJOR.MINOR.BUILD
    [string]$Version = $(if ($env:ROOMNET_VERSION) { $env:ROOMNET_VERSION } else { '0.1.0' }),
    [string]$Model = $(if ($env:ROOMNET_MODEL) { $env:ROOMNET_MODEL } else { 'model\roomnet.onnx' })
)
$ErrorActionPreference = 'Stop'

$AppName  = 'RoomNet Organizer'
$Staging  = 'target\jpackage-input'
$Dest     = 'target\installer'
# Fixed forever: lets a newer .msi upgrade (replace) an installed older one.
$UpgradeUuid = '4a281025-e589-4cea-b311-072e2f51bd7e'

function Die($msg) { [Console]::Error.WriteLine("error: $msg"); exit 1 }

$jpackage = if ($env:JAVA_HOME -and (Test-Path "$env:JAVA_HOME\bin\jpackage.exe")) { "$env:JAVA_HOME\bin\jpackage.exe" }
            else { (Get-Command jpackage -ErrorAction SilentlyContinue).Source }
if (-not $jpackage) { Die 'jpackage not found: install a JDK 17+ and set JAVA_HOME or put its bin on PATH.' }
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue) -or -not (Get-Command light.exe -ErrorAction SilentlyContinue)) {
    Die 'WiX Toolset 3.x not found (candle.exe/light.exe). Install it from https://github.com/wixtoolset/wix3/releases and add its bin folder to PATH.'
}
if (-not (Test-Path 'target\roomnet.jar')) { Die 'target\roomnet.jar not found; build it first: mvn -B -DskipTests package' }
if (-not (Test-Path 'target\lib\*.jar'))   { Die 'target\lib\*.jar not found; build it first: mvn -B -DskipTests package' }
if (-not (Test-Path $Model))               { Die "model $Model not found (or pass -Model path\to\roomnet.onnx)" }
if (-not (Test-Path 'icons\roomnet.ico'))  { Die 'icons\roomnet.ico not found' }

# Staging: everything here ends up in <install dir>\app, which is $APPDIR at run time.
if (Test-Path $Staging) { Remove-Item -Recurse -Force $Staging }
New-Item -ItemType Directory -Force -Path "$Staging\lib", $Dest | Out-Null
Copy-Item 'target\roomnet.jar' $Staging
Copy-Item 'target\lib\*.jar' "$Staging\lib"
Copy-Item $Model "$Staging\roomnet.onnx"
Remove-Item -Force -ErrorAction SilentlyContinue "$Dest\$AppName-*.msi"

# '$APPDIR' is single-quoted so PowerShell leaves it alone; the launcher expands it.
& $jpackage --type msi `
    --name $AppName `
    --app-version $Version `
    --vendor 'RoomNet' `
    --description 'Sorts property photos into room types' `
    --icon 'icons\roomnet.ico' `
    --input $Staging `
    --main-jar 'roomnet.jar' `
    --main-class 'org.roomnet.Launcher' `
    --java-options '-Xmx2g' `
    --java-options '-Droomnet.model=$APPDIR\roomnet.onnx' `
    --win-menu --win-menu-group 'RoomNet' `
    --win-shortcut `
    --win-dir-chooser `
    --win-upgrade-uuid $UpgradeUuid `
    --dest $Dest
if ($LASTEXITCODE -ne 0) { Die "jpackage failed with exit code $LASTEXITCODE" }
Get-ChildItem "$Dest\*.msi"

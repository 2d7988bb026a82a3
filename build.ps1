#!/usr/bin/env pwsh
# Liftoff bootstrap for Windows and PowerShell: the same steps as build.sh.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$BuildProject = Join-Path $Root 'build/Liftoff.Build.csproj'
# Published with ReadyToRun code for this machine, as build.sh does: it starts in a fraction of a Debug build's time.
$BuildOut = Join-Path $Root 'build/bin/publish'
$BuildDll = Join-Path $BuildOut 'Liftoff.Build.dll'
$Stamp = Join-Path $Temp 'build.stamp'
# Not build.sh's build.inputs: each script writes paths its own way, and sharing one list would make them rebuild in turn.
$Inputs = Join-Path $Temp 'build.ps1.inputs'
$SdkVersion = (Get-Content (Join-Path $Root 'global.json') | ConvertFrom-Json).sdk.version
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'
New-Item -ItemType Directory -Force -Path $Temp | Out-Null

function Test-Sdk([string] $Have) {
    $h = [version]($Have -replace '-.*$', ''); $w = [version]$SdkVersion
    return $h.Major -eq $w.Major -and $h.Minor -eq $w.Minor -and $h.Build -ge $w.Build
}

function Find-DotNet {
    foreach ($candidate in @((Get-Command dotnet -ErrorAction SilentlyContinue).Source, (Join-Path $Temp 'dotnet/dotnet'))) {
        if (-not $candidate -or -not (Test-Path $candidate)) { continue }
        foreach ($line in (& $candidate --list-sdks 2>$null)) {
            if (Test-Sdk ($line -split ' ')[0]) { return $candidate }
        }
    }
    Write-Host "Installing .NET SDK $SdkVersion under .nuke/temp/dotnet ..."
    $script = Join-Path $Temp 'dotnet-install.ps1'
    Invoke-WebRequest 'https://dot.net/v1/dotnet-install.ps1' -OutFile $script
    & $script -Version $SdkVersion -InstallDir (Join-Path $Temp 'dotnet') -NoPath
    return (Join-Path $Temp 'dotnet/dotnet')
}

# The build inputs, as in build.sh: the build project's and engine's source files (bin/ and obj/ are outputs)
# and the SDK and package settings. Files only: a directory's time changes whenever the build writes its bin/
# and obj/, which made the second run after a fresh clone rebuild. The list is kept after each build, so a
# new, deleted or renamed file is noticed without looking at directory times.
function Get-BuildInputs {
    $files = @(Get-ChildItem -Recurse -File -Path (Join-Path $Root 'build'), (Join-Path $Root 'src') |
        Where-Object { $_.FullName.Substring($Root.Length) -notmatch '[\\/](bin|obj)[\\/]' })
    $files += @(Get-Item -ErrorAction SilentlyContinue -Path (Join-Path $Root 'global.json'),
        (Join-Path $Root 'Directory.Build.props'), (Join-Path $Root 'Directory.Packages.props'))
    return @($files | Sort-Object FullName)
}

# True when the inputs are not the ones of the last successful build, or one was edited since.
function Test-InputsChanged($Files, [string] $List) {
    if (-not (Test-Path $Stamp) -or -not (Test-Path $Inputs) -or -not (Test-Path $BuildDll)) { return $true }
    if ($List -cne [IO.File]::ReadAllText($Inputs)) { return $true }
    $since = (Get-Item $Stamp).LastWriteTimeUtc
    return [bool]($Files | Where-Object { $_.LastWriteTimeUtc -gt $since } | Select-Object -First 1)
}

function Get-RuntimeId {
    $os = if ($IsWindows -or $env:OS -eq 'Windows_NT') { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
    $arch = if ([System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture -eq 'Arm64') { 'arm64' } else { 'x64' }
    return "$os-$arch"
}

$DotNet = Find-DotNet
$InputFiles = Get-BuildInputs
$InputList = ($InputFiles | ForEach-Object { $_.FullName }) -join "`n"
if (Test-InputsChanged $InputFiles $InputList) {
    $started = Get-Date
    & $DotNet publish $BuildProject -c Release -r (Get-RuntimeId) -o $BuildOut -nologo -v q -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { Write-Error 'The build project failed to compile; see the errors above.'; exit 1 }
    [IO.File]::WriteAllText($Inputs, $InputList)
    New-Item -ItemType File -Force -Path $Stamp | Out-Null
    (Get-Item $Stamp).LastWriteTime = $started
}

& $DotNet $BuildDll @args
exit $LASTEXITCODE

#!/usr/bin/env pwsh
# Liftoff bootstrap for Windows and PowerShell: the same steps as build.sh.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$BuildProject = Join-Path $Root 'build/Liftoff.Build.csproj'
$BuildDll = Join-Path $Root 'build/bin/Debug/Liftoff.Build.dll'
$Stamp = Join-Path $Temp 'build.stamp'
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

function Test-InputsChanged {
    if (-not (Test-Path $Stamp) -or -not (Test-Path $BuildDll)) { return $true }
    $since = (Get-Item $Stamp).LastWriteTimeUtc
    $inputs = Get-ChildItem -Recurse -Path (Join-Path $Root 'build'), (Join-Path $Root 'src') |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)([\\/]|$)' }
    $inputs += Get-Item (Join-Path $Root 'global.json'), (Join-Path $Root 'Directory.Build.props'), (Join-Path $Root 'Directory.Packages.props')
    return [bool]($inputs | Where-Object { $_.LastWriteTimeUtc -gt $since } | Select-Object -First 1)
}

$DotNet = Find-DotNet
if (Test-InputsChanged) {
    $started = Get-Date
    & $DotNet build $BuildProject -nologo -v q -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { Write-Error 'The build project failed to compile; see the errors above.'; exit 1 }
    New-Item -ItemType File -Force -Path $Stamp | Out-Null
    (Get-Item $Stamp).LastWriteTime = $started
}

& $DotNet $BuildDll @args
exit $LASTEXITCODE

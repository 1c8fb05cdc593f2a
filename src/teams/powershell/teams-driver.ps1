#Requires -Version 7.0
<#
.SYNOPSIS
    Long-lived MicrosoftTeams driver for tenant-provisioning (docs/teams-powershell.md).

.DESCRIPTION
    Started once per run by src/teams/powershell/pwshProcess.ts as
        pwsh -NoLogo -NoProfile -NonInteractive -File teams-driver.ps1
    It connects app-only with the credentials in the environment (never from stdin), prints one line
        {"ready":true,"moduleVersion":"<MicrosoftTeams version>"}
    and then answers one JSON request per stdin line with one JSON response per stdout line:
        request : {"id":1,"cmdlet":"New-CsTeamsCallingPolicy","parameters":{"Identity":"x","AllowPrivateCalling":true}}
        response: {"id":1,"ok":true,"result":[...]}  or  {"id":1,"ok":false,"error":{"type":..,"message":..,"cmdlet":..}}

    SAFETY: every value in a request is DATA. The cmdlet must be a key of $AllowedCmdlets, every parameter name must be
    in that cmdlet's list, and the parameters are splatted onto the command object resolved from the MicrosoftTeams
    module. Nothing from a request is ever turned into PowerShell source text: this file must never contain
    Invoke-Expression, iex, [scriptblock]::Create or string-built commands (tests/teams/powershell checks that).

    Environment (see docs/teams-powershell.md):
        AZURE_TENANT_ID, AZURE_CLIENT_ID              app registration with the Teams Administrator role
        TENANT_TEAMS_CERTIFICATE_THUMBPRINT           certificate in the user's certificate store, or
        AZURE_CLIENT_CERTIFICATE_PATH (+ _PASSWORD)   a PFX (or PEM with key) file, or
        TENANT_TEAMS_GRAPH_TOKEN + TENANT_TEAMS_TEAMS_TOKEN   access tokens acquired by the caller
        TENANT_TEAMS_MODULE_VERSION                   optional: import exactly this MicrosoftTeams version
#>
[CmdletBinding()]
param()

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
# Progress bars and information records would otherwise be written by the host into the protocol stream.
$ProgressPreference = 'SilentlyContinue'
$InformationPreference = 'SilentlyContinue'
# UTF-8 without BOM both ways, so names in any script survive; the adapter also sends pure ASCII (\u escapes).
[Console]::InputEncoding = [System.Text.UTF8Encoding]::new($false)
[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)

# ----------------------------------------------------------------------------------------------------------------
# The allow-list: cmdlet -> the parameter names (and aliases) a request may pass, and whether the call gets
# -Confirm:$false. It is DATA generated from Microsoft's cmdlet reference (contract/teams-cmdlets.json, pinned commit)
# by tools/cmdlet-contract; this file only loads it. A missing or malformed list stops the driver before it connects.
$AllowListPath = Join-Path -Path $PSScriptRoot -ChildPath 'contract/driver-allow-list.json'
$AllowedCmdlets = @{}
$ConfirmFalseCmdlets = @{}
try {
    $allowListDocument = Get-Content -LiteralPath $AllowListPath -Raw -ErrorAction Stop | ConvertFrom-Json -AsHashtable
    foreach ($entry in $allowListDocument['cmdlets'].GetEnumerator()) {
        $AllowedCmdlets[[string]$entry.Key] = [string[]]@($entry.Value['parameters'])
        if ($entry.Value['confirmFalse'] -eq $true) { $ConfirmFalseCmdlets[[string]$entry.Key] = $true }
    }
}
catch {
    [Console]::Error.WriteLine("teams-driver: start-up failed: cannot read the allow-list ${AllowListPath}: $($_.Exception.Message)")
    exit 2
}
if ($AllowedCmdlets.Count -eq 0) {
    [Console]::Error.WriteLine("teams-driver: start-up failed: the allow-list ${AllowListPath} is empty")
    exit 2
}

# Parameters whose JSON value is a list modifier {"Add":[...],"Remove":[...]} (PowerShell: @{Add=...;Remove=...}).
# The value of each key is the property that identifies an element, used to find the live element to remove.
$ListModifierKeys = @{
    'NormalizationRules'    = 'Name'
    'EmergencyNumbers'      = 'EmergencyDialString'
    'ExtendedNotifications' = 'EmergencyDialString'
    'Usage'                 = ''
}

# Plain objects inside list modifiers, and the properties each may carry.
$NestedObjectKeys = @{
    'NormalizationRules'    = @('Name', 'Pattern', 'Translation', 'Description', 'IsInternalExtension', 'Priority')
    'EmergencyNumbers'      = @('EmergencyDialString', 'EmergencyDialMask', 'OnlinePSTNUsage')
    'ExtendedNotifications' = @('EmergencyDialString', 'NotificationGroup', 'NotificationDialOutNumber',
        'NotificationMode')
}

# The cmdlet whose output holds the live list a Remove refers to.
$ListOwnerGetters = @{
    'Set-CsTenantDialPlan'                  = 'Get-CsTenantDialPlan'
    'Set-CsTeamsEmergencyCallRoutingPolicy' = 'Get-CsTeamsEmergencyCallRoutingPolicy'
    'Set-CsTeamsEmergencyCallingPolicy'     = 'Get-CsTeamsEmergencyCallingPolicy'
}

# Phone services (issue #15): a whole auto attendant or schedule is one request; its nested objects are built with
# the builder cmdlets, called by literal name. The properties each nested object may carry (the builders' documented
# parameters; tests/teams/powershell/driverScript.test.ts checks them against the contract):
$PhoneBuilderKeys = @{
    'New-CsOnlineTimeRange'                      = @('Start', 'End')
    'New-CsOnlineDateTimeRange'                  = @('Start', 'End')
    'New-CsAutoAttendantPrompt'                  = @('TextToSpeechPrompt')
    'New-CsAutoAttendantCallableEntity'          = @('Identity', 'Type', 'EnableTranscription', 'CallPriority')
    'New-CsAutoAttendantMenuOption'              = @('Action', 'DtmfResponse', 'CallTarget', 'Prompt', 'Description',
        'VoiceResponses')
    'New-CsAutoAttendantMenu'                    = @('Name', 'Prompts', 'MenuOptions', 'EnableDialByName',
        'DirectorySearchMethod')
    'New-CsAutoAttendantCallFlow'                = @('Name', 'Greetings', 'Menu', 'ForceListenMenuEnabled')
    'New-CsAutoAttendantCallHandlingAssociation' = @('Type', 'ScheduleId', 'CallFlowId', 'Disable')
    'New-CsAutoAttendantDialScope'               = @('GroupScope', 'GroupIds')
}

$WeekDayParameters = @('MondayHours', 'TuesdayHours', 'WednesdayHours', 'ThursdayHours', 'FridayHours',
    'SaturdayHours', 'SundayHours')

# Request parameters whose value is built: parameter -> the builder of each element.
$PhoneObjectParameters = @{
    'MondayHours'              = 'New-CsOnlineTimeRange'
    'TuesdayHours'             = 'New-CsOnlineTimeRange'
    'WednesdayHours'           = 'New-CsOnlineTimeRange'
    'ThursdayHours'            = 'New-CsOnlineTimeRange'
    'FridayHours'              = 'New-CsOnlineTimeRange'
    'SaturdayHours'            = 'New-CsOnlineTimeRange'
    'SundayHours'              = 'New-CsOnlineTimeRange'
    'DateTimeRanges'           = 'New-CsOnlineDateTimeRange'
    'DefaultCallFlow'          = 'New-CsAutoAttendantCallFlow'
    'CallFlows'                = 'New-CsAutoAttendantCallFlow'
    'CallHandlingAssociations' = 'New-CsAutoAttendantCallHandlingAssociation'
    'Operator'                 = 'New-CsAutoAttendantCallableEntity'
    'InclusionScope'           = 'New-CsAutoAttendantDialScope'
    'ExclusionScope'           = 'New-CsAutoAttendantDialScope'
}
# Of those, the ones that take one object rather than a list.
$PhoneSingleObjects = @('DefaultCallFlow', 'Operator', 'InclusionScope', 'ExclusionScope')

# Parameter pairs renamed in Set/Remove-CsPhoneNumberAssignment (reference 3.1): a request may use either name; the
# driver passes whichever the installed module knows (newer modules know both, older only the old ones).
$ParameterRenames = @{
    'TelephoneNumber' = 'PhoneNumber'
    'NumberType'      = 'PhoneNumberType'
    'PhoneNumber'     = 'TelephoneNumber'
    'PhoneNumberType' = 'NumberType'
}

# ----------------------------------------------------------------------------------------------------------------
# Protocol output

function Write-ProtocolLine {
    param([Parameter(Mandatory)] [string] $Json)
    [Console]::Out.WriteLine($Json)
    [Console]::Out.Flush()
}

function ConvertTo-ProtocolJson {
    param([AllowNull()] $Value, [int] $Depth = 10)
    # EscapeNonAscii keeps the stream ASCII whatever the console encoding; EnumsAsStrings keeps enum names readable.
    return (ConvertTo-Json -InputObject $Value -Depth $Depth -Compress -EnumsAsStrings -EscapeHandling EscapeNonAscii)
}

function Write-ErrorResponse {
    # category/errorId/exception: the ErrorRecord's CategoryInfo.Category, FullyQualifiedErrorId and exception type,
    # kept as the module emitted them (docs/teams-powershell.md, "Errors").
    param([long] $Id, [string] $Type, [string] $Message, [string] $Cmdlet, [string] $Category = '',
        [string] $ErrorId = '', [string] $Exception = '')
    $errorObject = [ordered]@{ type = $Type; message = $Message; cmdlet = $Cmdlet }
    if ($Category) { $errorObject['category'] = $Category }
    if ($ErrorId) { $errorObject['errorId'] = $ErrorId }
    if ($Exception) { $errorObject['exception'] = $Exception }
    $response = [ordered]@{
        id    = $Id
        ok    = $false
        error = $errorObject
    }
    Write-ProtocolLine -Json (ConvertTo-ProtocolJson -Value $response -Depth 4)
}

function Write-Diagnostic {
    param([string] $Text)
    # stderr is captured by the adapter and shown with start-up failures; stdout is the protocol only.
    [Console]::Error.WriteLine("teams-driver: $Text")
}

# ----------------------------------------------------------------------------------------------------------------
# Request -> splat hashtable

function New-RequestError {
    # A request the driver refuses (not allowed, malformed, unknown element): tagged so the response names the kind.
    param([string] $Kind, [string] $Message)
    $exception = [System.ArgumentException]::new($Message)
    $exception.Data['DriverErrorKind'] = $Kind
    return $exception
}

function Get-AllowedName {
    # Case-insensitive match against a fixed list, returning the list's spelling (never the request's).
    param([string[]] $List, [string] $Name)
    foreach ($candidate in $List) {
        if ($candidate -eq $Name) { return $candidate }
    }
    return $null
}

function Assert-NestedObject {
    param([string] $ParameterName, $Item)
    if ($Item -isnot [System.Collections.IDictionary]) {
        throw (New-RequestError -Kind 'InvalidRequest' -Message "elements of -$ParameterName must be objects")
    }
    $allowed = $NestedObjectKeys[$ParameterName]
    $clean = @{}
    foreach ($key in @($Item.Keys)) {
        $name = Get-AllowedName -List $allowed -Name $key
        if ($null -eq $name) {
            throw (New-RequestError -Kind 'NotAllowed' -Message "property '$key' is not allowed in -$ParameterName")
        }
        $clean[$name] = $Item[$key]
    }
    return $clean
}

function New-ListElement {
    # Builds the module object an Add entry stands for, from plain data, with cmdlets called by literal name.
    param([string] $ParameterName, $Item)
    if ($ParameterName -eq 'Usage') {
        if ($Item -isnot [string]) { throw (New-RequestError -Kind 'InvalidRequest' -Message 'PSTN usages are strings') }
        return $Item
    }
    $props = Assert-NestedObject -ParameterName $ParameterName -Item $Item
    switch ($ParameterName) {
        'NormalizationRules' {
            if (-not $props.ContainsKey('Name')) {
                throw (New-RequestError -Kind 'InvalidRequest' -Message 'a normalization rule needs a Name')
            }
            $ruleName = [string]$props['Name']
            $props.Remove('Name')
            return (New-CsVoiceNormalizationRule -Parent 'Global' -Name $ruleName @props -InMemory -ErrorAction Stop)
        }
        'EmergencyNumbers' {
            return (New-CsTeamsEmergencyNumber @props -ErrorAction Stop)
        }
        'ExtendedNotifications' {
            return (New-CsTeamsEmergencyCallingExtendedNotification @props -ErrorAction Stop)
        }
    }
    throw (New-RequestError -Kind 'InvalidRequest' -Message "no element builder for -$ParameterName")
}

function Get-ElementKey {
    param([string] $ParameterName, $Item)
    if ($Item -is [string]) { return $Item }
    $keyProperty = $ListModifierKeys[$ParameterName]
    if ($Item -is [System.Collections.IDictionary] -and $Item.Contains($keyProperty)) { return [string]$Item[$keyProperty] }
    throw (New-RequestError -Kind 'InvalidRequest' -Message "a Remove entry of -$ParameterName needs '$keyProperty'")
}

function Get-LiveElements {
    # The list as the tenant has it now, from the matching Get- cmdlet (a fixed table, never the request).
    param([string] $CmdletName, [string] $ParameterName, [hashtable] $Splat)
    if ($ParameterName -eq 'Usage') {
        $getter = Get-Command -Name 'Get-CsOnlinePstnUsage' -Module MicrosoftTeams -ErrorAction Stop
        return @((& $getter -Identity 'Global' -ErrorAction Stop).Usage)
    }
    $getterName = $ListOwnerGetters[$CmdletName]
    if ($null -eq $getterName) {
        throw (New-RequestError -Kind 'InvalidRequest' -Message "-$ParameterName cannot change elements with $CmdletName")
    }
    $getter = Get-Command -Name $getterName -Module MicrosoftTeams -ErrorAction Stop
    $owner = & $getter -Identity $Splat['Identity'] -ErrorAction Stop
    return @($owner.$ParameterName)
}

function Resolve-RemoveElements {
    # Removing from a module list needs the live element objects, so the driver looks them up by their key property.
    param([string] $CmdletName, [string] $ParameterName, [object[]] $Items, [hashtable] $Splat)
    if ($ParameterName -eq 'Usage') {
        foreach ($item in $Items) {
            if ($item -isnot [string]) { throw (New-RequestError -Kind 'InvalidRequest' -Message 'PSTN usages are strings') }
        }
        return $Items
    }
    $live = @(Get-LiveElements -CmdletName $CmdletName -ParameterName $ParameterName -Splat $Splat)
    $keyProperty = $ListModifierKeys[$ParameterName]
    $resolved = [System.Collections.Generic.List[object]]::new()
    foreach ($item in $Items) {
        $key = Get-ElementKey -ParameterName $ParameterName -Item $item
        $match = $null
        foreach ($element in $live) {
            if ($null -ne $element -and [string]$element.$keyProperty -eq $key) { $match = $element; break }
        }
        if ($null -eq $match) {
            throw (New-RequestError -Kind 'NotFound' -Message "-$ParameterName has no element with $keyProperty '$key'")
        }
        $resolved.Add($match)
    }
    return $resolved.ToArray()
}

function ConvertTo-ListModifier {
    # {"Add":[..],"Remove":[..]} -> @{Add=..;Remove=..}. A JSON array means "the whole new list": on New-* that is
    # @{Add=..}; on Set-* the live elements are removed first ($Splat['__clear']) and the new ones added, so the
    # result does not depend on the order in which the module applies Add and Remove.
    param([string] $CmdletName, [string] $ParameterName, $Value, [hashtable] $Splat, [hashtable] $ClearFirst)
    if ($Value -is [System.Collections.IDictionary]) {
        $modifier = @{}
        foreach ($key in @($Value.Keys)) {
            $op = Get-AllowedName -List @('Add', 'Remove') -Name $key
            if ($null -eq $op) {
                throw (New-RequestError -Kind 'NotAllowed' -Message "-$ParameterName accepts only Add and Remove, not '$key'")
            }
            if ($op -eq 'Add') { $modifier['Add'] = Build-ListElements -ParameterName $ParameterName -Items @($Value[$key]) }
            else {
                $modifier['Remove'] = @(Resolve-RemoveElements -CmdletName $CmdletName -ParameterName $ParameterName `
                        -Items @($Value[$key]) -Splat $Splat)
            }
        }
        return $modifier
    }
    $items = @($Value)
    $built = Build-ListElements -ParameterName $ParameterName -Items $items
    if ($CmdletName -like 'Set-*') {
        $live = @(Get-LiveElements -CmdletName $CmdletName -ParameterName $ParameterName -Splat $Splat)
        if ($live.Count -gt 0) { $ClearFirst[$ParameterName] = @{ Remove = $live } }
    }
    if ($built.Count -eq 0) { return $null }
    return @{ Add = $built }
}

function Build-ListElements {
    param([string] $ParameterName, [object[]] $Items)
    # A plain loop, not ForEach-Object, so a refusal reaches the caller unwrapped.
    $built = [System.Collections.Generic.List[object]]::new()
    foreach ($item in $Items) { $built.Add((New-ListElement -ParameterName $ParameterName -Item $item)) }
    return , $built.ToArray()
}

function Get-PhoneProperties {
    param([string] $Builder, $Item)
    if ($Item -isnot [System.Collections.IDictionary]) {
        throw (New-RequestError -Kind 'InvalidRequest' -Message "an element for $Builder must be an object")
    }
    $clean = @{}
    foreach ($key in @($Item.Keys)) {
        $name = Get-AllowedName -List $PhoneBuilderKeys[$Builder] -Name $key
        if ($null -eq $name) {
            throw (New-RequestError -Kind 'NotAllowed' -Message "property '$key' is not allowed in $Builder")
        }
        $clean[$name] = $Item[$key]
    }
    return $clean
}

function Build-PhoneList {
    param([string] $Builder, $Value, [hashtable] $FlowIds)
    $built = [System.Collections.Generic.List[object]]::new()
    if ($null -ne $Value) {
        foreach ($item in @($Value)) { $built.Add((New-PhoneObject -Builder $Builder -Item $item -FlowIds $FlowIds)) }
    }
    return , $built.ToArray()
}

function New-PhoneObject {
    # One nested object, with the objects nested in it built first. $FlowIds maps a call flow's Name to the Id its
    # builder gave it, so a handling association of the same request can name the flow (its id does not exist yet).
    param([string] $Builder, $Item, [hashtable] $FlowIds)
    $p = Get-PhoneProperties -Builder $Builder -Item $Item
    switch ($Builder) {
        'New-CsOnlineTimeRange' { return (New-CsOnlineTimeRange @p -ErrorAction Stop) }
        'New-CsOnlineDateTimeRange' { return (New-CsOnlineDateTimeRange @p -ErrorAction Stop) }
        'New-CsAutoAttendantPrompt' { return (New-CsAutoAttendantPrompt @p -ErrorAction Stop) }
        'New-CsAutoAttendantCallableEntity' { return (New-CsAutoAttendantCallableEntity @p -ErrorAction Stop) }
        'New-CsAutoAttendantDialScope' { return (New-CsAutoAttendantDialScope @p -ErrorAction Stop) }
        'New-CsAutoAttendantMenuOption' {
            if ($p.ContainsKey('CallTarget')) {
                $p['CallTarget'] = New-PhoneObject -Builder 'New-CsAutoAttendantCallableEntity' -Item $p['CallTarget']
            }
            if ($p.ContainsKey('Prompt')) {
                $p['Prompt'] = New-PhoneObject -Builder 'New-CsAutoAttendantPrompt' -Item $p['Prompt']
            }
            return (New-CsAutoAttendantMenuOption @p -ErrorAction Stop)
        }
        'New-CsAutoAttendantMenu' {
            if ($p.ContainsKey('Prompts')) {
                $p['Prompts'] = Build-PhoneList -Builder 'New-CsAutoAttendantPrompt' -Value $p['Prompts']
            }
            if ($p.ContainsKey('MenuOptions')) {
                $p['MenuOptions'] = Build-PhoneList -Builder 'New-CsAutoAttendantMenuOption' -Value $p['MenuOptions']
            }
            return (New-CsAutoAttendantMenu @p -ErrorAction Stop)
        }
        'New-CsAutoAttendantCallFlow' {
            if ($p.ContainsKey('Greetings')) {
                $p['Greetings'] = Build-PhoneList -Builder 'New-CsAutoAttendantPrompt' -Value $p['Greetings']
            }
            $p['Menu'] = New-PhoneObject -Builder 'New-CsAutoAttendantMenu' -Item $p['Menu']
            $flow = New-CsAutoAttendantCallFlow @p -ErrorAction Stop
            if ($null -ne $FlowIds) { $FlowIds[[string]$p['Name']] = $flow.Id }
            return $flow
        }
        'New-CsAutoAttendantCallHandlingAssociation' {
            $reference = [string]$p['CallFlowId']
            if ($null -ne $FlowIds -and $FlowIds.ContainsKey($reference)) { $p['CallFlowId'] = $FlowIds[$reference] }
            return (New-CsAutoAttendantCallHandlingAssociation @p -ErrorAction Stop)
        }
    }
    throw (New-RequestError -Kind 'InvalidRequest' -Message "no builder for $Builder")
}

function Add-PhoneObjects {
    # Builds the nested parameters into the splat: call flows first, so handling associations can name them.
    param([hashtable] $PhoneParameters, [hashtable] $Splat)
    $flowIds = @{}
    $ordered = @($PhoneParameters.Keys | Sort-Object { if ($_ -like '*CallFlow*') { 0 } else { 1 } })
    foreach ($name in $ordered) {
        $builder = $PhoneObjectParameters[$name]
        if ($PhoneSingleObjects -contains $name) {
            $Splat[$name] = New-PhoneObject -Builder $builder -Item $PhoneParameters[$name] -FlowIds $flowIds
        }
        else {
            $Splat[$name] = Build-PhoneList -Builder $builder -Value $PhoneParameters[$name] -FlowIds $flowIds
        }
    }
}

function ConvertTo-PhoneInstance {
    # Set-CsOnlineSchedule and Set-CsAutoAttendant take the live object, changed (their pages' examples read it
    # with Get, change properties and pass it to -Instance): the driver does the same with built objects.
    param([string] $CmdletName, $Instance)
    if ($Instance -isnot [System.Collections.IDictionary]) {
        throw (New-RequestError -Kind 'InvalidRequest' -Message '-Instance must be an object')
    }
    if ($CmdletName -eq 'Set-CsOnlineSchedule') {
        $live = Get-CsOnlineSchedule -Id ([string]$Instance['Id']) -ErrorAction Stop
        if ($Instance.Contains('Name')) { $live.Name = [string]$Instance['Name'] }
        $weekly = $Instance['WeeklyRecurrentSchedule']
        if ($null -ne $weekly) {
            foreach ($day in $WeekDayParameters) {
                $live.WeeklyRecurrentSchedule.$day = Build-PhoneList -Builder 'New-CsOnlineTimeRange' -Value $weekly[$day]
            }
            $live.WeeklyRecurrentSchedule.ComplementEnabled = [bool]$weekly['ComplementEnabled']
        }
        $fixed = $Instance['FixedSchedule']
        if ($null -ne $fixed) {
            $live.FixedSchedule.DateTimeRanges = Build-PhoneList -Builder 'New-CsOnlineDateTimeRange' `
                -Value $fixed['DateTimeRanges']
        }
        return $live
    }
    if ($CmdletName -eq 'Set-CsAutoAttendant') {
        $live = Get-CsAutoAttendant -Identity ([string]$Instance['Identity']) -ErrorAction Stop
        $flowIds = @{}
        $live.Name = [string]$Instance['Name']
        $live.LanguageId = [string]$Instance['LanguageId']
        $live.TimeZoneId = [string]$Instance['TimeZoneId']
        if ($Instance.Contains('VoiceId')) { $live.VoiceId = [string]$Instance['VoiceId'] }
        $live.DefaultCallFlow = New-PhoneObject -Builder 'New-CsAutoAttendantCallFlow' `
            -Item $Instance['DefaultCallFlow'] -FlowIds $flowIds
        $live.CallFlows = Build-PhoneList -Builder 'New-CsAutoAttendantCallFlow' -Value $Instance['CallFlows'] `
            -FlowIds $flowIds
        $live.CallHandlingAssociations = Build-PhoneList -Builder 'New-CsAutoAttendantCallHandlingAssociation' `
            -Value $Instance['CallHandlingAssociations'] -FlowIds $flowIds
        $live.Operator = if ($null -ne $Instance['Operator']) {
            New-PhoneObject -Builder 'New-CsAutoAttendantCallableEntity' -Item $Instance['Operator']
        } else { $null }
        return $live
    }
    throw (New-RequestError -Kind 'InvalidRequest' -Message "-Instance is not supported for $CmdletName")
}

function Resolve-ParameterName {
    # Picks, of a renamed pair, the name the installed cmdlet binds (its parameter names and their aliases).
    param([System.Management.Automation.CommandInfo] $Command, [string] $Name)
    $known = @{}
    foreach ($parameter in $Command.Parameters.Values) {
        $known[$parameter.Name] = $true
        foreach ($alias in $parameter.Aliases) { $known[$alias] = $true }
    }
    if ($known.ContainsKey($Name)) { return $Name }
    $other = $ParameterRenames[$Name]
    if ($null -ne $other -and $known.ContainsKey($other)) { return $other }
    return $Name
}

function ConvertTo-Splat {
    param([string] $CmdletName, [System.Management.Automation.CommandInfo] $Command, $Parameters,
        [hashtable] $ClearFirst)
    if ($null -eq $Parameters) { $Parameters = @{} }
    if ($Parameters -isnot [System.Collections.IDictionary]) {
        throw (New-RequestError -Kind 'InvalidRequest' -Message 'parameters must be a JSON object')
    }
    $allowed = $AllowedCmdlets[$CmdletName]
    $splat = @{}
    $listParameters = @{}
    $phoneParameters = @{}
    foreach ($key in @($Parameters.Keys)) {
        $name = Get-AllowedName -List $allowed -Name $key
        if ($null -eq $name) {
            throw (New-RequestError -Kind 'NotAllowed' -Message "parameter -$key is not allowed for $CmdletName")
        }
        if ($ListModifierKeys.ContainsKey($name)) { $listParameters[$name] = $Parameters[$key]; continue }
        if ($PhoneObjectParameters.ContainsKey($name)) { $phoneParameters[$name] = $Parameters[$key]; continue }
        if ($name -eq 'Instance') {
            $splat['Instance'] = ConvertTo-PhoneInstance -CmdletName $CmdletName -Instance $Parameters[$key]
            continue
        }
        $value = $Parameters[$key]
        if ($value -is [System.Collections.IDictionary]) {
            throw (New-RequestError -Kind 'InvalidRequest' -Message "-$name takes a plain value, not an object")
        }
        # JSON arrays arrive as object[]; string lists bind to the module's list parameters as they are.
        $splat[(Resolve-ParameterName -Command $Command -Name $name)] = $value
    }
    if ($phoneParameters.Count -gt 0) { Add-PhoneObjects -PhoneParameters $phoneParameters -Splat $splat }
    # List modifiers last: resolving a Remove needs the Identity already in the splat.
    foreach ($name in @($listParameters.Keys)) {
        $modifier = ConvertTo-ListModifier -CmdletName $CmdletName -ParameterName $name `
            -Value $listParameters[$name] -Splat $splat -ClearFirst $ClearFirst
        if ($null -ne $modifier) { $splat[$name] = $modifier }
    }
    return $splat
}

# ----------------------------------------------------------------------------------------------------------------
# Errors some cmdlets return as output objects instead of throwing (reference 3.1, issue #9165)

function Find-ErrorObject {
    param([object[]] $Items)
    foreach ($item in $Items) {
        if ($null -eq $item -or $item -is [string] -or $item -is [ValueType]) { continue }
        $typeNames = @($item.PSObject.TypeNames)
        $names = @($item.PSObject.Properties | ForEach-Object { $_.Name })
        $looksLikeErrorType = @($typeNames | Where-Object { $_ -like '*ErrorResponse*' }).Count -gt 0
        $hasCodeAndMessage = ($names -contains 'Code') -and ($names -contains 'Message') -and
            -not ($names -contains 'Identity')
        if ($looksLikeErrorType -or $hasCodeAndMessage) {
            $typeName = if ($typeNames.Count -gt 0) { ($typeNames[0] -split '\.')[-1] } else { 'ErrorResponse' }
            $code = if ($names -contains 'Code') { [string]$item.Code } else { '' }
            $message = if ($names -contains 'Message') { [string]$item.Message } else { [string]$item }
            return [pscustomobject]@{ Type = $typeName; Message = ($(if ($code) { "${code}: " } else { '' }) + $message) }
        }
    }
    return $null
}

# ----------------------------------------------------------------------------------------------------------------
# One request

function Invoke-DriverRequest {
    param([string] $Line)
    $id = [long]0
    $cmdletName = ''
    try {
        $request = ConvertFrom-Json -InputObject $Line -AsHashtable -Depth 20
        if ($request -isnot [System.Collections.IDictionary]) {
            throw (New-RequestError -Kind 'InvalidRequest' -Message 'a request is a JSON object')
        }
        if ($request.Contains('id')) { $id = [long]$request['id'] }
        $requested = [string]$request['cmdlet']
        $cmdletName = Get-AllowedName -List @($AllowedCmdlets.Keys) -Name $requested
        if ($null -eq $cmdletName) {
            $cmdletName = $requested
            throw (New-RequestError -Kind 'NotAllowed' -Message "cmdlet '$requested' is not on the driver's allow-list")
        }
        # Resolve within the module, so a same-named function or alias elsewhere can never be what runs.
        $command = Get-Command -Name $cmdletName -Module MicrosoftTeams -ErrorAction Stop
        $clearFirst = @{}
        $splat = ConvertTo-Splat -CmdletName $cmdletName -Command $command -Parameters $request['parameters'] `
            -ClearFirst $clearFirst
        # A non-interactive host must never wait on a ShouldProcess prompt: every state-changing cmdlet the contract
        # marks as supporting -Confirm gets -Confirm:$false (only if the installed module has the parameter).
        $confirmFalse = $ConfirmFalseCmdlets.ContainsKey($cmdletName) -and $command.Parameters.ContainsKey('Confirm')
        if ($confirmFalse) { $splat['Confirm'] = $false }
        foreach ($name in @($clearFirst.Keys)) {
            # Replacing a whole list: remove what is there, then the main call adds the new elements in order.
            $clearSplat = @{ Identity = $splat['Identity']; $name = $clearFirst[$name] }
            if ($confirmFalse) { $clearSplat['Confirm'] = $false }
            $null = & $command @clearSplat -ErrorAction Stop
        }
        $driverWarnings = $null
        # Warnings would be printed by the host on stdout; they go to stderr instead, as diagnostics.
        $output = @(& $command @splat -ErrorAction Stop -WarningVariable driverWarnings -WarningAction SilentlyContinue)
        foreach ($warning in @($driverWarnings)) { Write-Diagnostic "$cmdletName warning: $warning" }
        $errorObject = Find-ErrorObject -Items $output
        if ($null -ne $errorObject) {
            Write-ErrorResponse -Id $id -Type $errorObject.Type -Message $errorObject.Message -Cmdlet $cmdletName
            return
        }
        $resultJson = ConvertTo-ProtocolJson -Value $output -Depth 10
        # The envelope is assembled from a number and already-serialized JSON, so the result keeps its own depth.
        Write-ProtocolLine -Json ('{"id":' + $id.ToString([cultureinfo]::InvariantCulture) + ',"ok":true,"result":' +
            $resultJson + '}')
    }
    catch {
        $exception = $_.Exception
        # The error category (ObjectNotFound, ResourceExists, InvalidArgument...) as the emulator reports it; the
        # exception type when the module leaves the category unspecified.
        $category = [string]$_.CategoryInfo.Category
        $kind = if ($exception.Data.Contains('DriverErrorKind')) { [string]$exception.Data['DriverErrorKind'] }
        elseif ($category -and $category -ne 'NotSpecified') { $category }
        else { $exception.GetType().FullName }
        $errorId = [string]$_.FullyQualifiedErrorId
        $exceptionType = $exception.GetType().FullName
        Write-ErrorResponse -Id $id -Type $kind -Message $exception.Message -Cmdlet $cmdletName -Category $category `
            -ErrorId $errorId -Exception $exceptionType
    }
}

# ----------------------------------------------------------------------------------------------------------------
# Start-up: module, connection, ready line

function Connect-Teams {
    $tenantId = $env:AZURE_TENANT_ID
    $applicationId = $env:AZURE_CLIENT_ID
    $graphToken = $env:TENANT_TEAMS_GRAPH_TOKEN
    $teamsToken = $env:TENANT_TEAMS_TEAMS_TOKEN
    if ($graphToken -and $teamsToken) {
        $null = Connect-MicrosoftTeams -AccessTokens @($graphToken, $teamsToken) -ErrorAction Stop
        return
    }
    if (-not $tenantId -or -not $applicationId) {
        throw 'set AZURE_TENANT_ID and AZURE_CLIENT_ID (plus a certificate), or TENANT_TEAMS_GRAPH_TOKEN and TENANT_TEAMS_TEAMS_TOKEN'
    }
    $thumbprint = $env:TENANT_TEAMS_CERTIFICATE_THUMBPRINT
    $certificatePath = $env:AZURE_CLIENT_CERTIFICATE_PATH
    if ($thumbprint) {
        $null = Connect-MicrosoftTeams -CertificateThumbprint $thumbprint -ApplicationId $applicationId `
            -TenantId $tenantId -ErrorAction Stop
        return
    }
    if ($certificatePath) {
        $password = $env:AZURE_CLIENT_CERTIFICATE_PASSWORD
        $certificate = if ($certificatePath -like '*.pem') {
            [System.Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPemFile($certificatePath)
        }
        elseif ($password) {
            [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($certificatePath, $password)
        }
        else {
            [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($certificatePath)
        }
        $null = Connect-MicrosoftTeams -Certificate $certificate -ApplicationId $applicationId -TenantId $tenantId `
            -ErrorAction Stop
        return
    }
    throw 'no Teams credential: set TENANT_TEAMS_CERTIFICATE_THUMBPRINT or AZURE_CLIENT_CERTIFICATE_PATH, or access tokens'
}

function Test-AllowList {
    # Warns (stderr) about allow-listed cmdlets or parameters the installed module lacks; calls to them fail cleanly.
    foreach ($name in @($AllowedCmdlets.Keys)) {
        $command = Get-Command -Name $name -Module MicrosoftTeams -ErrorAction SilentlyContinue
        if ($null -eq $command) { Write-Diagnostic "the installed module has no $name"; continue }
        $known = @{}
        foreach ($parameter in $command.Parameters.Values) {
            $known[$parameter.Name] = $true
            foreach ($alias in $parameter.Aliases) { $known[$alias] = $true }
        }
        foreach ($parameter in $AllowedCmdlets[$name]) {
            if (-not $known.ContainsKey((Resolve-ParameterName -Command $command -Name $parameter))) {
                Write-Diagnostic "$name has no parameter -$parameter in this module version"
            }
        }
    }
}

try {
    if ($env:TENANT_TEAMS_MODULE_VERSION) {
        Import-Module -Name MicrosoftTeams -RequiredVersion $env:TENANT_TEAMS_MODULE_VERSION -ErrorAction Stop
    }
    else {
        Import-Module -Name MicrosoftTeams -ErrorAction Stop
    }
    $moduleVersion = (Get-Module -Name MicrosoftTeams).Version.ToString()
    Connect-Teams
    Test-AllowList
}
catch {
    Write-Diagnostic "start-up failed: $($_.Exception.Message)"
    exit 2
}

Write-ProtocolLine -Json (ConvertTo-ProtocolJson -Value ([ordered]@{ ready = $true; moduleVersion = $moduleVersion }))

while ($true) {
    $line = [Console]::In.ReadLine()
    if ($null -eq $line) { break }
    if ($line.Trim().Length -eq 0) { continue }
    Invoke-DriverRequest -Line $line
}

try { Disconnect-MicrosoftTeams -ErrorAction SilentlyContinue | Out-Null } catch { Write-Diagnostic 'disconnect failed' }
exit 0

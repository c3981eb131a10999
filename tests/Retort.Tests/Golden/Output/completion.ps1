# PowerShell completion for retort: retort completion pwsh | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName retort -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.StartOffset -lt $cursorPosition } | ForEach-Object { $_.Extent.Text })
    $cword = if ($wordToComplete) { $words.Count - 1 } else { $words.Count }
    & $words[0] __complete $cword @words 2>$null | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}

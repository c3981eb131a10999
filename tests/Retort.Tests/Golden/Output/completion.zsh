#compdef retort
# zsh completion for retort: source <(retort completion zsh), after compinit
_retort() {
    local -a candidates
    candidates=("${(@f)$("${words[1]}" __complete $((CURRENT - 1)) "${words[@]}" 2>/dev/null)}")
    candidates=(${candidates:#})
    if (( ${#candidates} )); then
        compadd -- "${candidates[@]}"
    else
        _files
    fi
}
if (( $+functions[compdef] )); then
    compdef _retort retort
fi

/**
 * Shell completion scripts for bash, zsh, fish and PowerShell, generated from one
 * completion model. Each script embeds the same four tables (see completionTables) and
 * the same walk over the words typed so far, written in that shell's language, so a TAB
 * never starts Node; only values that the system knows (`@dynamic`) call `<bin> __complete`.
 */
import {completionTables, type CompletionModel, type CompletionTables} from './model.js'

export type Shell = 'bash' | 'zsh' | 'fish' | 'powershell'
export const shells: readonly Shell[] = ['bash', 'zsh', 'fish', 'powershell']

// Table keys and values are command words, flag names and option values. They are embedded
// in single quotes in every shell, so refuse anything that could break out of them.
const safe = /^[\w@.:/=,+ -]*$/

function checkedTables(model: CompletionModel): CompletionTables {
  const t = completionTables(model)
  for (const rows of Object.values(t) as Array<Array<[string, string]>>) {
    for (const [k, v] of rows) {
      if (!safe.test(k) || !safe.test(v)) throw new Error(`completion: unsafe word in ${JSON.stringify([k, v])}`)
    }
  }
  return t
}

/** A name usable in every shell's identifiers: `cilium` -> `cilium`. */
function ident(bin: string): string {
  return bin.replace(/\W/g, '_')
}

const tableNames = ['sub', 'flags', 'fval', 'args'] as const

function bash(model: CompletionModel): string {
  const p = `__ck_${ident(model.bin)}`
  const t = checkedTables(model)
  const tables = tableNames.map((name) =>
    `declare -gA ${p}_${name}=(\n${t[name].map(([k, v]) => `  ['${k}']='${v}'`).join('\n')}\n)`).join('\n')
  return `# bash completion for ${model.bin} (ciliumkit), generated from its command manifest.
# Load it in this shell:    source <(${model.bin} completion bash)
# Load it in every shell:   ${model.bin} completion bash > /etc/bash_completion.d/${model.bin}
${tables}

${p}_complete() {
  local -a words=()
  local w cword cur
  # Join what COMP_WORDBREAKS split off ('--output=json', 'trace:to-endpoint') back into one word.
  for w in "\${COMP_WORDS[@]:0:COMP_CWORD+1}"; do
    if (( \${#words[@]} > 1 )) && [[ $w == [=:] || \${words[-1]} == *[=:] ]]; then
      words[-1]+=$w
    else
      words+=("$w")
    fi
  done
  cword=$(( \${#words[@]} - 1 ))
  cur=\${words[cword]}
  local node='${model.bin}' pending='' spec='' prefix='' cands='' i
  local -i argi=0
  for (( i = 1; i < cword; i++ )); do
    w=\${words[i]}
    if [[ -n $pending ]]; then pending=''; continue; fi
    if [[ $w == -* ]]; then
      [[ $w != *=* && -v "${p}_fval[$node $w]" ]] && pending=$w
      continue
    fi
    if [[ " \${${p}_sub[$node]-} " == *" $w "* ]]; then node+=" $w"; argi=0; else argi+=1; fi
  done
  if [[ -n $pending ]]; then
    spec=\${${p}_fval[$node $pending]}
  elif [[ $cur == -*=* ]]; then
    prefix=\${cur%%=*}=
    [[ -v "${p}_fval[$node \${cur%%=*}]" ]] && spec=\${${p}_fval[$node \${cur%%=*}]}
  elif [[ $cur == -* ]]; then
    cands=\${${p}_flags[$node]-}
  else
    cands=\${${p}_sub[$node]-}
    spec=\${${p}_args[$node $argi]-}
  fi
  case $spec in
    @files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "\${cur#"$prefix"}")); return ;;
    @dynamic) cands+=" $("\${words[0]}" __complete "\${words[@]:1}" 2>/dev/null | sed -e '/^:/d' -e 's/\\t.*//')" ;;
    *) cands+=" $spec" ;;
  esac
  COMPREPLY=($(compgen -W "$cands" -- "\${cur#"$prefix"}"))
  COMPREPLY=("\${COMPREPLY[@]/#/$prefix}")
  # bash replaces only the text after the last word break: drop what is before it.
  if [[ $cur == *[=:]* ]]; then
    local before=\${cur%"\${cur##*[=:]}"}
    COMPREPLY=("\${COMPREPLY[@]#"$before"}")
  fi
}
complete -o nosort -F ${p}_complete ${model.bin} 2>/dev/null || complete -F ${p}_complete ${model.bin}
`
}

function zsh(model: CompletionModel): string {
  const p = `__ck_${ident(model.bin)}`
  const t = checkedTables(model)
  const tables = tableNames.map((name) =>
    `typeset -gA ${p}_${name}\n${p}_${name}=(\n${t[name].map(([k, v]) => `  '${k}' '${v}'`).join('\n')}\n)`).join('\n')
  // zsh: $path is special (tied to $PATH), hence $node; ${=x} splits a string on spaces.
  return `#compdef ${model.bin}
# zsh completion for ${model.bin} (ciliumkit), generated from its command manifest.
# Load it in this shell:    source <(${model.bin} completion zsh)
# Load it in every shell:   ${model.bin} completion zsh > "\${fpath[1]}/_${model.bin}"
${tables}

${p}_complete() {
  local node='${model.bin}' pending='' spec='' prefix='' w cur=\${words[CURRENT]}
  local -a cands
  integer argi=0 i
  for (( i = 2; i < CURRENT; i++ )); do
    w=\${words[i]}
    if [[ -n $pending ]]; then pending=''; continue; fi
    if [[ $w == -* ]]; then
      [[ $w != *=* ]] && (( \${+${p}_fval[$node $w]} )) && pending=$w
      continue
    fi
    if (( \${\${=${p}_sub[$node]}[(Ie)$w]} )); then node+=" $w"; argi=0; else argi+=1; fi
  done
  if [[ -n $pending ]]; then
    spec=\${${p}_fval[$node $pending]}
  elif [[ $cur == -*=* ]]; then
    prefix=\${cur%%=*}=
    (( \${+${p}_fval[$node \${cur%%=*}]} )) && spec=\${${p}_fval[$node \${cur%%=*}]}
  elif [[ $cur == -* ]]; then
    cands=(\${=${p}_flags[$node]})
  else
    cands=(\${=${p}_sub[$node]})
    spec=\${${p}_args[$node $argi]}
  fi
  case $spec in
    @files) _files; return ;;
    @dynamic) cands+=(\${\${(f)"$(\${words[1]} __complete \${words[2,CURRENT]} 2>/dev/null)"}:#:*}); cands=(\${cands%%$'\\t'*}) ;;
    *) cands+=(\${=spec}) ;;
  esac
  compadd -Q -- \${cands/#/$prefix}
}
if (( ! $+functions[compdef] )); then autoload -Uz compinit && compinit -u; fi
compdef ${p}_complete ${model.bin}
`
}

function fish(model: CompletionModel): string {
  const p = `__ck_${ident(model.bin)}`
  const t = checkedTables(model)
  // fish has no associative arrays: each table is a list of 'key|value' records.
  const tables = tableNames.map((name) =>
    `set -g ${p}_${name} \\\n${t[name].map(([k, v]) => `  '${k}|${v}'`).join(' \\\n')}`).join('\n')
  return `# fish completion for ${model.bin} (ciliumkit), generated from its command manifest.
# Load it in this shell:    ${model.bin} completion fish | source
# Load it in every shell:   ${model.bin} completion fish > ~/.config/fish/completions/${model.bin}.fish
${tables}

function ${p}_get --argument-names table key
    for rec in $$table
        set -l kv (string split -m 1 '|' -- $rec)
        if test "$kv[1]" = "$key"
            echo $kv[2]
            return 0
        end
    end
    return 1
end

function ${p}_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l node '${model.bin}'
    set -l pending ''
    set -l argi 0
    for w in $tokens[2..-1]
        if test -n "$pending"
            set pending ''
            continue
        end
        if string match -q -- '-*' $w
            if not string match -q -- '*=*' $w; and ${p}_get ${p}_fval "$node $w" >/dev/null
                set pending $w
            end
            continue
        end
        if contains -- $w (string split ' ' -- (${p}_get ${p}_sub $node))
            set node "$node $w"
            set argi 0
        else
            set argi (math $argi + 1)
        end
    end
    set -l spec ''
    set -l prefix ''
    set -l cands
    if test -n "$pending"
        set spec (${p}_get ${p}_fval "$node $pending")
    else if string match -q -- '-*=*' $cur
        set -l flag (string split -m 1 '=' -- $cur)[1]
        set prefix "$flag="
        set spec (${p}_get ${p}_fval "$node $flag")
    else if string match -q -- '-*' $cur
        set cands (string split ' ' -- (${p}_get ${p}_flags $node))
    else
        set cands (string split ' ' -- (${p}_get ${p}_sub $node))
        set spec (${p}_get ${p}_args "$node $argi")
    end
    switch "$spec"
        case '@files'
            __fish_complete_path (string replace -- "$prefix" '' $cur)
            return
        case '@dynamic'
            set -a cands ($tokens[1] __complete $tokens[2..-1] $cur 2>/dev/null | string match -v -r '^:' | string replace -r '\\t.*' '')
        case '*'
            set -a cands (string split ' ' -- $spec)
    end
    for c in $cands
        test -n "$c"; and echo "$prefix$c"
    end
end

complete -c ${model.bin} -e
complete -c ${model.bin} -f -a '(${p}_complete)'
`
}

function powershell(model: CompletionModel): string {
  const v = `__ck${ident(model.bin).replace(/^./, (c) => c.toUpperCase())}`
  const t = checkedTables(model)
  // Ordinal keys: PowerShell hashtables ignore case by default, and -d and -D are different flags.
  const tables = tableNames.map((name) => [`$global:${v}_${name} = [hashtable]::new([StringComparer]::Ordinal)`,
    ...t[name].map(([k, val]) => `$global:${v}_${name}['${k}'] = '${val}'`)].join('\n')).join('\n')
  return `# PowerShell completion for ${model.bin} (ciliumkit), generated from its command manifest.
# Load it in this session:  ${model.bin} completion powershell | Out-String | Invoke-Expression
# Load it in every session: add the line above to $PROFILE
${tables}

Register-ArgumentCompleter -Native -CommandName '${model.bin}' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.StartOffset -lt $cursorPosition } | ForEach-Object { $_.Extent.Text })
    if ($wordToComplete -ne '' -and $words.Count -gt 1) { $words = $words[0..($words.Count - 2)] }
    $node = '${model.bin}'; $pending = $null; $argi = 0
    foreach ($w in ($words | Select-Object -Skip 1)) {
        if ($pending) { $pending = $null; continue }
        if ($w.StartsWith('-')) {
            if (-not $w.Contains('=') -and $global:${v}_fval.ContainsKey("$node $w")) { $pending = $w }
            continue
        }
        if ("$($global:${v}_sub[$node])".Split(' ') -ccontains $w) { $node = "$node $w"; $argi = 0 } else { $argi++ }
    }
    $spec = ''; $prefix = ''; $cur = $wordToComplete; $cands = @()
    if ($pending) {
        $spec = $global:${v}_fval["$node $pending"]
    } elseif ($cur -like '-*=*') {
        $flag = $cur.Split('=')[0]; $prefix = "$flag="; $cur = $cur.Substring($prefix.Length)
        $spec = "$($global:${v}_fval["$node $flag"])"
    } elseif ($cur.StartsWith('-')) {
        $cands = "$($global:${v}_flags[$node])".Split(' ')
    } else {
        $cands = "$($global:${v}_sub[$node])".Split(' ')
        $spec = "$($global:${v}_args["$node $argi"])"
    }
    if ($spec -eq '@files') {
        Get-ChildItem -Path "$cur*" -ErrorAction SilentlyContinue | ForEach-Object {
            [System.Management.Automation.CompletionResult]::new($_.Name, $_.Name, 'ProviderItem', $_.Name) }
        return
    } elseif ($spec -eq '@dynamic') {
        $cands += @(& $words[0] __complete @($words | Select-Object -Skip 1) $wordToComplete 2>$null |
            Where-Object { -not $_.StartsWith(':') } | ForEach-Object { $_.Split("\`t")[0] })
    } elseif ($spec) {
        $cands += $spec.Split(' ')
    }
    $cands | Where-Object { $_ -and $_.StartsWith($cur, [StringComparison]::Ordinal) } | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new("$prefix$_", $_, 'ParameterValue', $_) }
}
`
}

/** The completion script of one shell for one bin. */
export function completionScript(shell: Shell, model: CompletionModel): string {
  switch (shell) {
    case 'bash': return bash(model)
    case 'zsh': return zsh(model)
    case 'fish': return fish(model)
    case 'powershell': return powershell(model)
  }
}

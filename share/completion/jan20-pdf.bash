# bash completion for jan20-pdf. Installed as
# PREFIX/share/bash-completion/completions/jan20-pdf (loaded on demand by the
# bash-completion package), or: source share/completion/jan20-pdf.bash
# Document names come from the [documents.NAME] tables of jan20.toml (in the
# folder given with -C, or the current one).

_jan20_pdf_documents() {
  local dir=$1
  [[ -r $dir/jan20.toml ]] || return 0
  sed -n 's/^[[:space:]]*\[documents\.\([A-Za-z0-9_-]*\)\][[:space:]]*\(#.*\)\{0,1\}$/\1/p' "$dir/jan20.toml"
}

_jan20_pdf() {
  local cur prev words cword
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  local commands="init build watch check fonts shape hyphenate"
  local dir=. command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -C) dir=${COMP_WORDS[i+1]}; ((i++)) ;;
      init|build|watch|check|fonts|shape|hyphenate) command=${COMP_WORDS[i]}; break ;;
    esac
  done

  case $prev in
    -C|--out|--allow-path) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --deps|--report|--icc|--exceptions) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "az en ru tr" -- "$cur")); return ;;
    --target) COMPREPLY=($(compgen -W "print screen" -- "$cur")); return ;;
    --diagnostics) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
    --impose) COMPREPLY=($(compgen -W "saddle" -- "$cur")); return ;;
    --kind) COMPREPLY=($(compgen -W "leaflet booklet poster" -- "$cur")); return ;;
    --layout) COMPREPLY=($(compgen -W "$(cd "$dir/layouts" 2>/dev/null && ls *.toml 2>/dev/null | sed 's/\.toml$//')" -- "$cur")); return ;;
    --font) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --creep|--debounce|-j|--jobs|--min-word|--min-left|--min-right|--script|--features) return ;;
  esac

  local options
  case $command in
    "") COMPREPLY=($(compgen -W "$commands -C --quiet --version --help" -- "$cur")); return ;;
    init) options="--kind --lang --help" ;;
    build) options="--lang --out --target --marks --impose --creep --icc --pdfa --accessible --untagged --report
                    --deps --verify --diagnostics --strict --allow-path --jobs --quiet --help" ;;
    watch) options="--lang --out --target --report --diagnostics --strict --allow-path --debounce --quiet --help" ;;
    check) options="--lang --target --report --diagnostics --strict --allow-path --quiet --help" ;;
    fonts) options="--lang --help" ;;
    shape) options="--font --layout --lang --script --features --explain --help" ;;
    hyphenate) options="--lang --layout --min-word --min-left --min-right --exceptions --help" ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  elif [[ $command == init ]]; then
    COMPREPLY=($(compgen -d -- "$cur"))
  elif [[ $command == build || $command == watch || $command == check || $command == fonts ]]; then
    COMPREPLY=($(compgen -W "$(_jan20_pdf_documents "$dir")" -- "$cur"))
  fi
}
complete -F _jan20_pdf jan20-pdf

#!/bin/sh
# Writes the man pages of pthv into OUTDIR from the built binary's own
# --help, with help2man: pthv.1, pthv-<command>.1 for every command that
# `pthv --help` lists, and pthv-<command>-<sub>.1 for each of a command's own
# subcommands (pthv-roster-add.1). Run after every link, so the pages never drift from
# the program.
#   sh gen_man.sh /path/to/pthv OUTDIR
set -eu
bin=$1
out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
rm -f "$out"/*.1

# help2man fills indented lines into one paragraph; the example command
# lines must stay one a line.
keep_example_lines() {
    awk '/^\.SH/ {if (nf) print ".fi"; nf = 0; ex = ($0 ~ /EXAMPLES/)}
         nf && /^\.(PP|IP|TP)/ {print ".fi"; nf = 0}
         {print}
         ex && /^\.IP$/ {print ".nf"; nf = 1}
         END {if (nf) print ".fi"}' "$1" >"$1.tmp" && mv "$1.tmp" "$1"
}

version=$("$bin" --version | sed -n '1s/^pthv //p')
# "  name   description" lines between "Subcommands:" and the next blank line
# of `pthv [COMMAND] --help`, printed as "name<TAB>description".
subcommands_of() {
    # shellcheck disable=SC2086
    "$bin" $1 --help | awk '/^Subcommands:/ {on = 1; next} on && /^$/ {exit}
        on && /^  [a-z]/ {name = $1; $1 = ""; sub(/^ +/, ""); print name "\t" $0}'
}
subcommands_of "" >"$tmp/commands"

{
    printf '[SEE ALSO]\n'
    sep=''
    while IFS='	' read -r name desc; do
        printf '%s\\fBpthv-%s\\fR(1)' "$sep" "$name"
        sep=', '
    done <"$tmp/commands"
    printf '\n\nThe data files are described by \\fBpthv schema\\fR.\n'
} >"$tmp/see-also.h2m"

help2man --no-info --no-discard-stderr --version-string="$version" \
    --name="run a Parent Teacher Home Visits program from plain files in git" \
    --include="$tmp/see-also.h2m" --output="$out/pthv.1" "$bin"
keep_example_lines "$out/pthv.1"

# help2man runs `PROG --help`; a one-line wrapper per command makes PROG
# `pthv COMMAND [SUB]`.
#   page "roster add" "description" "see-also text"
page() {
    slug=$(printf '%s' "$1" | tr ' ' '-')
    wrapper="$tmp/pthv-$slug"
    printf '#!/bin/sh\nexec "%s" %s "$@"\n' "$bin" "$1" >"$wrapper"
    chmod +x "$wrapper"
    printf '[SEE ALSO]\n%s\n' "$3" >"$tmp/$slug.h2m"
    help2man --no-info --no-discard-stderr --version-string="$version" \
        --name="$2" --include="$tmp/$slug.h2m" --output="$out/pthv-$slug.1" "$wrapper"
    keep_example_lines "$out/pthv-$slug.1"
}
while IFS='	' read -r name desc; do
    page "$name" "$desc" '\fBpthv\fR(1)'
    subcommands_of "$name" >"$tmp/sub-$name"
    while IFS='	' read -r sub subdesc; do
        page "$name $sub" "$subdesc" "\\fBpthv-$name\\fR(1), \\fBpthv\\fR(1)"
    done <"$tmp/sub-$name"
done <"$tmp/commands"

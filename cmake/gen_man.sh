#!/bin/sh
# Writes the man pages of pthv into OUTDIR from the built binary's own
# --help, with help2man: pthv.1, and pthv-<command>.1 for every command that
# `pthv --help` lists. Run after every link, so the pages never drift from
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
# "  name   description" lines between "Subcommands:" and the next blank line.
"$bin" --help | awk '/^Subcommands:/ {on = 1; next} on && /^$/ {exit}
    on && /^  [a-z]/ {name = $1; $1 = ""; sub(/^ +/, ""); print name "\t" $0}' >"$tmp/commands"

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
# `pthv COMMAND`.
while IFS='	' read -r name desc; do
    wrapper="$tmp/pthv-$name"
    printf '#!/bin/sh\nexec "%s" %s "$@"\n' "$bin" "$name" >"$wrapper"
    chmod +x "$wrapper"
    printf '[SEE ALSO]\n\\fBpthv\\fR(1)\n' >"$tmp/$name.h2m"
    help2man --no-info --no-discard-stderr --version-string="$version" \
        --name="$desc" --include="$tmp/$name.h2m" --output="$out/pthv-$name.1" "$wrapper"
    keep_example_lines "$out/pthv-$name.1"
done <"$tmp/commands"

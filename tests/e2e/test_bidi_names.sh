# A name holding a bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE and
# its kin) would make a terminal or a Markdown viewer draw the rest of the
# line backwards: a site's 163 visits read as 361. The text and Markdown
# outputs show such a character as the \xNN of its bytes, as they show
# ESC or CR; a name without one is printed as written.
. "$(dirname "$0")/lib.sh" "$1"

repo=$tmp/repo
cp -r "$src/examples" "$repo"
python3 - "$repo/sites.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
controls = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200e", "\u200f", "\u061c"]
for row in rows[1:]:
    if row[0] == "S04":
        row[1] = "Riverbend " + "x".join(controls) + "Middle"
    if row[0] == "S05":
        row[1] = "Escuela Secundaria \u00e9t\u00e9 \u05e9\u05dc\u05d5\u05dd"  # accents and Hebrew stay as written
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline="")).writerows(rows)
PY

asof=2026-05-15
for fmt in text md; do
    for pub in "" --public; do
        out=$tmp/report$pub.$fmt
        "$bin" -C "$repo" --as-of $asof report --period end-of-year $pub --format $fmt -o "$out"
        check_eval "$fmt ${pub:-internal}: no bidirectional control is printed" \
            "! grep -qP '[\x{202A}-\x{202E}\x{2066}-\x{2069}\x{200E}\x{200F}\x{061C}]' '$out'"
        check_eval "$fmt ${pub:-internal}: the override is shown as its bytes" \
            "grep -qE 'Riverbend [\\\\]+xE2[\\\\]+x80[\\\\]+xAEx' '$out'"
        check_eval "$fmt ${pub:-internal}: accents and Hebrew are printed as written" \
            "grep -qF 'Escuela Secundaria $(printf '\u00e9t\u00e9 \u05e9\u05dc\u05d5\u05dd')' '$out'"
    done
done

finish

#!/usr/bin/env bash
# docs/guide.md runs exactly as printed:
# - its ```console blocks are one shell session, started in an empty
#   folder: every `$ ` command (with its `> ` continuation lines) runs in
#   order, exits 0 unless its line ends in `# exit N`, and prints what the
#   guide shows under it (`...` stands for any lines, or any text within a
#   line; a command shown with no output is not compared);
# - every `pthv -C examples ...` line of a ```sh block runs on a copy of
#   examples/ after `export PTHV_AS_OF=2026-05-15`, as the guide says, and
#   exits 0 or 1, never 2; so does every line there that makes a key file
#   (`(umask 077; ...)`), in its turn.
. "$(dirname "$0")/lib.sh" "$1"
guide=$src/docs/guide.md

# A clean environment: pthv on PATH, a git identity, no user config.
mkdir -p "$tmp/bin" "$tmp/home" "$tmp/session" "$tmp/out"
ln -s "$bin" "$tmp/bin/pthv"
export PATH="$tmp/bin:$PATH" HOME="$tmp/home" NO_COLOR=1
export GIT_AUTHOR_NAME=Coordinator GIT_AUTHOR_EMAIL=coordinator@example.org
export GIT_COMMITTER_NAME=Coordinator GIT_COMMITTER_EMAIL=coordinator@example.org
export GIT_CONFIG_NOSYSTEM=1
unset PTHV_AS_OF

# ----- the console session -----
python3 - "$guide" "$tmp/out" >"$tmp/session.sh" <<'PY'
import json, re, sys
guide, out = sys.argv[1], sys.argv[2]
commands = []  # [text, expected exit, expected lines]
block = None
for line in open(guide, encoding="utf-8").read().split("\n"):
    if block is None:
        if line == "```console":
            block = []
        continue
    if line.startswith("```"):
        if any(c.startswith("$ ") for c in block):
            cur = None
            for l in block:
                if l.startswith("$ "):
                    cur = [l[2:], 0, []]
                    commands.append(cur)
                elif l.startswith("> ") or l == ">":
                    cur[0] += "\n" + l[2:]
                elif cur is not None:
                    cur[2].append(l)
        block = None
        continue
    block.append(line)
for c in commands:
    m = re.search(r"#\s*exit\s+(\d+)\s*$", c[0].split("\n")[-1])
    c[1] = int(m.group(1)) if m else 0
json.dump(commands, open(out + "/commands.json", "w"))
for i, (text, _, _) in enumerate(commands):
    print("{ " + text + "\n} >'%s/%d.out' 2>&1 </dev/null; echo $? >'%s/%d.rc'" % (out, i, out, i))
PY
n=$(python3 -c "import json; print(len(json.load(open('$tmp/out/commands.json'))))")
[ "$n" -gt 30 ] || { echo "FAIL the guide's console session has only $n commands"; exit 1; }
(cd "$tmp/session" && bash "$tmp/session.sh")
python3 - "$tmp/out" <<'PY' || fails=$((fails + 1))
import json, re, sys
out = sys.argv[1]
commands = json.load(open(out + "/commands.json"))
bad = 0
def pattern(lines):
    parts = []
    for l in lines:
        if l == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*".join(re.escape(p) for p in l.split("...")) + r"\n")
    return "".join(parts)
for i, (text, want_rc, want) in enumerate(commands):
    got = open("%s/%d.out" % (out, i), encoding="utf-8", errors="replace").read()
    rc = int(open("%s/%d.rc" % (out, i)).read())
    first = text.split("\n")[0]
    problems = []
    if rc != want_rc:
        problems.append("exit %d, the guide says %d" % (rc, want_rc))
    if want and not re.fullmatch(pattern(want), got):
        problems.append("printed something else than the guide shows")
    if problems:
        bad += 1
        print("FAIL $ %s: %s" % (first, "; ".join(problems)))
        print("     printed:\n" + "".join("       " + l + "\n" for l in got.splitlines()[:40]))
    else:
        print("ok   $ %s" % first)
sys.exit(1 if bad else 0)
PY

# ----- the example district -----
cp -r "$src/examples" "$tmp/examples"
lines=$(awk '/^```sh$/ {on = 1; next} /^```/ {on = 0} on && /^(pthv -C examples |\(umask 077; )/ {print}' "$guide")
[ -n "$lines" ] || { echo "FAIL no sh lines on the example district in docs/guide.md"; exit 1; }
grep -q 'after `export PTHV_AS_OF=2026-05-15`' "$guide" || { echo "FAIL the guide no longer states the example district's day"; fails=$((fails + 1)); }
export PTHV_AS_OF=2026-05-15
cd "$tmp" || exit 1
i=0
while IFS= read -r line; do
    i=$((i + 1))
    eval "$line" >"$tmp/sh.$i.out" 2>"$tmp/sh.$i.err"
    rc=$?
    if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then
        echo "ok   (exit $rc) $line"
        passes=$((passes + 1))
    else
        echo "FAIL (exit $rc) $line"
        sed 's/^/     /' "$tmp/sh.$i.err"
        fails=$((fails + 1))
    fi
done <<<"$lines"
finish

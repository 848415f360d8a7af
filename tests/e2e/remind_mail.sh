# Sourced by test_remind.sh: the example district's messages, read back as
# mail, and real mail through msmtp to an SMTP server started here.

ex=$tmp/example
cp -r "$src/examples" "$ex"
rm -f "$ex/generate.py" "$ex/README.md"
exd() { "$bin" -C "$ex" --as-of 2026-05-15 --color never "$@"; }

exd remind --format eml -o "$tmp/eml" >"$tmp/eml.out" 2>&1; code=$?
check "example: every message written, exit 0" [ $code -eq 0 ]
check "example: says how many" grep -q "^written to .*: [0-9]* of [0-9]* digests" "$tmp/eml.out"

# Every message parses as RFC 5322 (policy default: strict headers,
# RFC 2047 decoded); From, To, Date, Subject as docs/remind.md says; and no
# site coordinator's part names a student of another site.
check "example: messages parse, UTF-8 names, no other site's student in a site's part" "$py" - "$tmp/eml" "$ex" <<'PY'
import csv, email, email.policy, email.utils, os, re, sys
folder, repo = sys.argv[1], sys.argv[2]
staff = {r["staff_id"]: r for r in csv.DictReader(open(os.path.join(repo, "staff.csv"), encoding="utf-8"))}
students = {r["student_id"]: r for r in csv.DictReader(open(os.path.join(repo, "students.csv"), encoding="utf-8"))}
sites = {r["site_id"]: r for r in csv.DictReader(open(os.path.join(repo, "sites.csv"), encoding="utf-8"))}
visits = list(csv.DictReader(open(os.path.join(repo, "visits.csv"), encoding="utf-8")))
files = sorted(os.listdir(folder))
assert len(files) > 20, files
coordinators = {s["coordinator_id"] for s in sites.values() if s["coordinator_id"]}
seen_coordinator_parts = 0
for name in files:
    raw = open(os.path.join(folder, name), "rb").read()
    assert b"\n" not in raw.replace(b"\r\n", b""), name + ": a line not ended by CRLF"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 998, name
    m = email.message_from_bytes(raw, policy=email.policy.default)
    who = name[:-4]
    person = staff[who]
    assert m["From"].addresses[0].addr_spec == "pthv@example.org", m["From"]
    assert m["From"].addresses[0].display_name == "Riverbend PTHV"
    to = m["To"].addresses[0]
    assert to.addr_spec == person["email"] and to.display_name == person["name"], (to, person)
    assert "Riverbend Unified School District" in m["Subject"] and "2026-05-15" in m["Subject"], m["Subject"]
    assert email.utils.parsedate_to_datetime(m["Date"]) is not None
    assert m.get_content_type() == "text/plain" and m.get_content_charset() == "utf-8"
    body = m.get_content()
    assert body.startswith("PTHV reminders for %s %s as of 2026-05-15" % (who, person["name"])), body[:80]
    # The reader's own part: students on their visits or of their homeroom.
    mine = {v["student_id"] for v in visits if who in v["educators"].split(";") or v["interpreter"] == who}
    mine |= {s for s, r in students.items() if r["homeroom_id"] == who}
    part = None
    for line in body.splitlines():
        head = re.match(r"Site (S\d+) .*, which you coordinate:$", line)
        if head:
            part = head.group(1)
            assert sites[part]["coordinator_id"] == who
            seen_coordinator_parts += 1
            continue
        for st in re.findall(r"\bST\d{4}\b", line):
            if part is None:
                assert st in mine, (who, st, line)
            else:
                assert students[st]["site_id"] == part, (who, part, st, line)
assert seen_coordinator_parts == len(coordinators), seen_coordinator_parts
# The accented and the non-Latin name, as the To: header holds them.
for who, name in (("T003", "Adrián Ramírez"), ("T032", "王浩然")):
    m = email.message_from_bytes(open(os.path.join(folder, who + ".eml"), "rb").read(), policy=email.policy.default)
    assert m["To"].addresses[0].display_name == name, m["To"]
    assert "=?UTF-8?" in open(os.path.join(folder, who + ".eml"), "rb").read().split(b"\r\n\r\n")[0].decode("ascii")
PY

# Real mail: msmtp to aiosmtpd on 127.0.0.1, every message read back.
port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$tmp/maildir/tmp" "$tmp/maildir/new" "$tmp/maildir/cur"
"$py" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$tmp/maildir" >"$tmp/smtpd.log" 2>&1 &
smtpd=$!
trap 'kill $smtpd 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do
    "$py" -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$port" 2>/dev/null && break
    sleep 0.1
done
printf 'defaults\nauth off\ntls off\nlogfile %s\naccount default\nhost 127.0.0.1\nport %s\nfrom pthv@example.org\n' \
    "$tmp/msmtp.log" "$port" >"$tmp/msmtprc"
chmod 600 "$tmp/msmtprc"
total=$(ls "$tmp/eml" | wc -l)
mails() { find "$tmp/maildir/new" -type f 2>/dev/null | wc -l; }

exd remind --send "msmtp -C $tmp/msmtprc -t" >"$tmp/send.out" 2>&1; code=$?
check "send: msmtp -t, exit 0" [ $code -eq 0 ]
check "send: says how many were sent" grep -q "^sent $total of $total digests" "$tmp/send.out"
check "send: the SMTP server received every message" [ "$(mails)" = "$total" ]
check "send: received messages parse, names and bodies intact" "$py" - "$tmp/maildir/new" "$ex" <<'PY'
import csv, email, email.policy, os, sys
folder, repo = sys.argv[1], sys.argv[2]
staff = {r["email"]: r for r in csv.DictReader(open(os.path.join(repo, "staff.csv"), encoding="utf-8"))}
names = set()
for f in os.listdir(folder):
    m = email.message_from_bytes(open(os.path.join(folder, f), "rb").read(), policy=email.policy.default)
    to = m["To"].addresses[0]
    person = staff[to.addr_spec]
    assert to.display_name == person["name"], (to, person)
    assert m.get_content().startswith("PTHV reminders for %s %s" % (person["staff_id"], person["name"]))
    names.add(to.display_name)
assert "王浩然" in names and "Adrián Ramírez" in names, names
PY

# A command failing for one recipient: reported by name, exit 1, the others sent.
rm -rf "$tmp/maildir"; mkdir -p "$tmp/maildir/tmp" "$tmp/maildir/new" "$tmp/maildir/cur"
cat >"$tmp/picky.sh" <<SH
#!/bin/sh
msg=\$(cat)
case "\$msg" in *"haoran.wang@example.org"*) echo "picky: refused" >&2; exit 3 ;; esac
printf '%s\n' "\$msg" | msmtp -C $tmp/msmtprc -t
SH
chmod +x "$tmp/picky.sh"
exd remind --send "$tmp/picky.sh" >"$tmp/send.out" 2>"$tmp/send.err"; code=$?
check "send failing for one: exit 1" [ $code -eq 1 ]
check "send failing for one: names that person and why" \
    grep -q "^pthv: not sent: T032 王浩然: .*exited with status 3" "$tmp/send.err"
check "send failing for one: only that one is listed" [ "$(grep -c '^pthv: not sent' "$tmp/send.err")" = 1 ]
check "send failing for one: the others were sent" [ "$(mails)" = "$((total - 1))" ]
check "send failing for one: the count" grep -q "^sent $((total - 1)) of $total digests" "$tmp/send.out"

# A person without an email is listed and not sent; so is everyone when the command fails.
sed -i 's/,layla.le@example.org$/,/' "$ex/staff.csv"
exd remind --send false >"$tmp/send.out" 2>"$tmp/send.err"; code=$?
check "send false: exit 1" [ $code -eq 1 ]
check "send false: each person listed" [ "$(grep -c '^pthv: not sent' "$tmp/send.err")" = "$total" ]
check "send: no email, named with its line" grep -q "^pthv: not sent: T001 Layla Le: staff.csv:2: T001 has no email" "$tmp/send.err"
check "send false: sent 0" grep -q "^sent 0 of $total digests" "$tmp/send.out"
exd remind --format eml -o "$tmp/eml2" >/dev/null 2>"$tmp/err"; code=$?
check "eml -o: no file for the person without an email, exit 1" \
    [ $code -eq 1 ] && [ ! -e "$tmp/eml2/T001.eml" ] && [ -e "$tmp/eml2/T002.eml" ]
exd -q remind --send false >"$tmp/send.out" 2>/dev/null
check "-q: nothing on stdout" [ ! -s "$tmp/send.out" ]

kill $smtpd 2>/dev/null
wait $smtpd 2>/dev/null

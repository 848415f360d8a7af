#!/usr/bin/env python3
"""Writes the example district's previous school year, 2024-25, for `pthv trend`.

    python3 examples/make_prior_year.py /tmp/riverbend-2024-25
    pthv --as-of 2026-05-15 trend /tmp/riverbend-2024-25 examples

Made from this folder's 2025-26 repo, the same every run (no randomness):
- every date moves back 52 weeks (364 days), so a visit keeps its weekday and
  stays clear of the school day and the holidays as they fell that year;
  school_year moves back one calendar year (2024-07-01..2025-06-30), and
  visit and event ids follow their new dates, session ids their year;
- Willow Creek Elementary (S03) joined the program in 2025-26: in 2024-25 it
  is absent, with its staff, students, visits, events, surveys and sessions;
- the program was smaller: the visits of every seventh student are left out;
- the visits still scheduled after 2026-05-15 took place (completed, reflected
  on and logged the next day), so the year has a whole May and June.
The folder must not exist yet, or be empty.
"""

import argparse
import csv
import datetime as dt
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHIFT = dt.timedelta(days=364)
AS_OF = dt.date(2026, 5, 15)  # the example's snapshot: later visits are still to come
END = dt.date(2025, 6, 30)  # the last day of 2024-25
NEW_SITE = "S03"  # joined in 2025-26
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATED_ID = re.compile(r"^([VE])(\d{8})(-.*)$")
SESSION_ID = re.compile(r"^(\d{4})(-\d{2}-[a-z].*)$")  # "2025-08-intro-S02"
FILES = ["sites.csv", "staff.csv", "students.csv", "trainings.csv", "sessions.csv", "events.csv",
         "surveys.csv", "visits.csv"]


def shift_date(text):
    return (dt.date.fromisoformat(text) - SHIFT).isoformat()


def shift_cell(text):
    if DATE.match(text):
        return shift_date(text)
    m = DATED_ID.match(text)
    if m:
        day = dt.datetime.strptime(m.group(2), "%Y%m%d").date() - SHIFT
        return m.group(1) + day.strftime("%Y%m%d") + m.group(3)
    m = SESSION_ID.match(text)
    if m:
        return f"{int(m.group(1)) - 1}{m.group(2)}"
    return text


def shift_yaml(text):
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith("school_year:") or "period:" in line:
            # the school year and a grant's days are calendar spans: one
            # year back, not 52 weeks
            line = re.sub(r"(\d{4})(-\d{2}-\d{2})", lambda m: f"{int(m.group(1)) - 1}{m.group(2)}", line)
        else:
            line = re.sub(r"\d{4}-\d{2}-\d{2}", lambda m: shift_date(m.group(0)), line)
        # a grant names only the sites of that year
        line = re.sub(r"sites: \[([^\]]*)\]", lambda m: "sites: [" + ", ".join(
            x for x in (y.strip() for y in m.group(1).split(",")) if x != NEW_SITE) + "]", line)
        out.append(line)
    return "".join(out)


def read(name):
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def main(out):
    if os.path.exists(out) and os.listdir(out):
        sys.exit(f"{out}: not empty")
    os.makedirs(out, exist_ok=True)
    tables = {name: read(name) for name in FILES}

    def col(name, column):
        return tables[name][0].index(column)

    staff_site = {r[0]: r[col("staff.csv", "site_id")] for r in tables["staff.csv"][1]}
    gone_staff = {s for s, site in staff_site.items() if site == NEW_SITE}
    students = tables["students.csv"][1]
    gone_students = {r[0] for r in students if r[col("students.csv", "site_id")] == NEW_SITE}
    unvisited = {r[0] for r in students if int(r[0][2:]) % 7 == 0}

    def keep(name, row):
        h = tables[name][0]
        if "site_id" in h and row[h.index("site_id")] == NEW_SITE:
            return False
        if name in ("staff.csv", "trainings.csv") and row[0] in gone_staff:
            return False
        if "student_id" in h and row[h.index("student_id")] in gone_students:
            return False
        if name == "visits.csv":
            if row[h.index("student_id")] in unvisited:
                return False
            if dt.date.fromisoformat(row[h.index("date")]) - SHIFT > END:
                return False
            if set(row[h.index("educators")].split(";")) & gone_staff:
                return False
        return True

    # What was still ahead in 2025-26 had happened by the end of 2024-25.
    h = tables["visits.csv"][0]
    for r in tables["visits.csv"][1]:
        day = dt.date.fromisoformat(r[h.index("date")])
        if day > AS_OF and r[h.index("status")] == "scheduled":
            r[h.index("status")] = "completed"
            r[h.index("minutes")] = r[h.index("minutes")] or "45"
            r[h.index("reflected_on")] = r[h.index("logged_on")] = (day + dt.timedelta(days=1)).isoformat()

    for name in FILES:
        header, rows = tables[name]
        kept = [[shift_cell(c) for c in r] for r in rows if keep(name, r)]
        if "staff_ids" in header:  # events may name staff of the new site
            i = header.index("staff_ids")
            for r in kept:
                r[i] = ";".join(s for s in r[i].split(";") if s and s not in gone_staff)
        with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(kept)
    with open(os.path.join(HERE, "pthv.yaml"), encoding="utf-8") as f:
        config = shift_yaml(f.read())
    with open(os.path.join(out, "pthv.yaml"), "w", encoding="utf-8") as f:
        f.write(config)
    shutil.copy(os.path.join(HERE, ".gitattributes"), os.path.join(out, ".gitattributes"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", metavar="OUTDIR", help="the folder to write the prior year's repo into")
    main(parser.parse_args().outdir)

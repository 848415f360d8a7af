#!/usr/bin/env python3
"""Writes a made-up attendance file for the example district.

    python3 examples/make_attendance.py ~/private/attendance.csv
    pthv -C examples --as-of 2026-05-15 report --period end-of-year \
        --attendance ~/private/attendance.csv

Attendance is student-level and sensitive, so a district keeps it out of
git, like the concern flags file: this script writes it wherever you say,
except inside this data repo (it refuses), and nothing of it is committed.
The numbers are invented and fixed (the same file every time): days
enrolled as of 2026-05-15 (some students joined late; a few have fewer than
10 days and are left out of the comparison) and days absent, a little lower
on average among students with a completed visit, so the report has a
difference to show. It says nothing about real home visits.
"""
import argparse
import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = "2026-05-15"
SCHOOL_DAYS = 163  # 2025-08-20 .. 2026-05-15, less holidays


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", metavar="OUT.csv", help="where to write the attendance file (outside examples/)")
    given = parser.parse_args().out
    out = os.path.realpath(given)
    if os.path.commonpath([out, HERE]) == HERE:
        sys.exit(f"{given}: inside the example data repo; attendance is kept out of git, write it elsewhere")
    with open(os.path.join(HERE, "visits.csv"), newline="") as f:
        visited = {v["student_id"] for v in csv.DictReader(f) if v["status"] == "completed" and v["date"] <= AS_OF}
    with open(os.path.join(HERE, "students.csv"), newline="") as f:
        students = [s["student_id"] for s in csv.DictReader(f)]
    rng = random.Random(2026)
    rows = []
    for sid in students:
        r = rng.random()
        enrolled = SCHOOL_DAYS if r < 0.9 else rng.randint(3, SCHOOL_DAYS - 1)
        # Absence rate: most students low, a long tail; visited a little lower.
        rate = rng.betavariate(1.3, 16) * (0.8 if sid in visited else 1.0)
        absent = min(enrolled, round(enrolled * rate))
        rows.append((sid, enrolled, absent))
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["student_id", "days_enrolled", "days_absent"])
        w.writerows(rows)


if __name__ == "__main__":
    main()

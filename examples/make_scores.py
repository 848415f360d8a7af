#!/usr/bin/env python3
"""Writes a made-up test scores file for the example district.

    python3 examples/make_scores.py ~/private/scores.csv
    pthv -C examples --as-of 2026-05-15 report --period end-of-year \
        --scores ~/private/scores.csv

Test scores are student-level and sensitive, so a district keeps them out
of git, like the attendance file: this script writes the file wherever you
say, except inside this data repo (it refuses), and nothing of it is
committed. The results are invented and fixed (the same file every time):
for each student a row for ela and one for math, proficient yes or no,
with a few students tested in one subject only. Proficiency is a little
more likely among students with a completed visit, so the report has a
difference to show. It says nothing about real home visits or real tests.
"""
import argparse
import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = "2026-05-15"
# Subject and the share proficient among students not visited.
SUBJECTS = (("ela", 0.42), ("math", 0.36))
VISITED_GAIN = 0.08  # added to the share among visited students


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", metavar="OUT.csv", help="where to write the test scores file (outside examples/)")
    given = parser.parse_args().out
    out = os.path.realpath(given)
    if os.path.commonpath([out, HERE]) == HERE:
        sys.exit(f"{given}: inside the example data repo; test scores are kept out of git, write them elsewhere")
    with open(os.path.join(HERE, "visits.csv"), newline="") as f:
        visited = {v["student_id"] for v in csv.DictReader(f) if v["status"] == "completed" and v["date"] <= AS_OF}
    with open(os.path.join(HERE, "students.csv"), newline="") as f:
        students = [s["student_id"] for s in csv.DictReader(f)]
    rng = random.Random(2027)
    rows = []
    for sid in students:
        for subject, share in SUBJECTS:
            if rng.random() < 0.04:  # absent on test day, or not tested in this subject
                continue
            p = share + (VISITED_GAIN if sid in visited else 0.0)
            rows.append((sid, subject, "yes" if rng.random() < p else "no"))
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["student_id", "subject", "proficient"])
        w.writerows(rows)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Write the form exports the benchmark imports, from a generated repo.

    python3 bench/exports.py REPO OUT_DIR [--seed 7]

Into OUT_DIR:
- family-survey.csv and survey-map.yaml: a family survey's export, one
  response for every fifth student (about 24 MB at 1M students), as a form
  tool writes it (a timestamp, the school's code, four questions answered
  in words, an optional comment; no response id, so `survey import` needs
  survey.key, also written, mode 600);
- form-export.csv and form-map.yaml: a visit form's export of new visits
  for `log-visit --import`: each educator pair of the repo visits up to
  four more of its students in May 2026, one a day (about a tenth of
  visits.csv's rows).

The same repo and seed give the same files.
"""

import argparse
import csv
import os
import random

ANSWERS = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"]
COMMENTS = ["", "", "", "Thank you for coming to our home.", "We loved meeting the teachers, see you soon!",
            "Could the visit be in Spanish next time?"]
QUESTIONS = [("q_welcome", "I feel welcome at my child's school."),
             ("q_hopes_known", "My child's teacher knows my hopes and dreams for my child."),
             ("q_reach_out", "I feel comfortable reaching out to my child's teacher."),
             ("q_another_visit", "I would welcome another home visit.")]
MAY_DAYS = [4, 5, 6, 7]  # weekdays of May 2026, before the as-of date (15 May)

SURVEY_MAP = """\
# bench/exports.py: family-survey.csv as surveys.csv rows
columns:
  date: Timestamp
  site_id: School code
%s
values:
  q_*:
    Strongly agree: 5
    Agree: 4
    Neither agree nor disagree: 3
    Disagree: 2
    Strongly disagree: 1
date_format: "%%m/%%d/%%Y"
"""

FORM_MAP = """\
# bench/exports.py: form-export.csv as visits.csv rows
columns:
  student_id: Student ID
  date: Date of visit
  start_time: Start time
  minutes: Minutes
  educators: [Educator 1, Educator 2]
  focus: Focus of the visit
  arranged_on: Date the family agreed
  reflected_on: Date you reflected together
values:
  focus: {Academics: academics, Something else: other}
date_format: "%m/%d/%Y"
defaults: {status: completed, mode: home}
"""


def survey(repo, out, rng):
    with open(os.path.join(repo, "students.csv"), newline="", encoding="utf-8") as f, \
            open(os.path.join(out, "family-survey.csv"), "w", newline="", encoding="utf-8") as o:
        w = csv.writer(o, lineterminator="\n")
        w.writerow(["Timestamp", "School code"] + [q for _, q in QUESTIONS] +
                   ["Anything else you would like to tell us? (optional)"])
        for i, row in enumerate(csv.DictReader(f)):
            if i % 5:
                continue
            stamp = "%d/%d/2026 %d:%02d:%02d" % (rng.randint(3, 4), rng.randint(1, 28), rng.randint(7, 21),
                                                 rng.randint(0, 59), rng.randint(0, 59))
            answers = [rng.choice(ANSWERS) if rng.random() < 0.95 else "" for _ in QUESTIONS]
            w.writerow([stamp, row["site_id"]] + answers + [rng.choice(COMMENTS)])
    with open(os.path.join(out, "survey-map.yaml"), "w", encoding="utf-8") as m:
        m.write(SURVEY_MAP % "\n".join("  %s: %s" % (field, q) for field, q in QUESTIONS))
    key = os.path.join(out, "survey.key")
    with open(os.open(key, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as k:
        k.write("%064x\n" % rng.getrandbits(256))
    os.chmod(key, 0o600)


def visits(repo, out, rng):
    students = {}  # educator pair -> students it visited, in the log's order
    with open(os.path.join(repo, "visits.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["status"] == "completed":
                seen = students.setdefault(row["educators"], [])
                if len(seen) < len(MAY_DAYS) and row["student_id"] not in seen:
                    seen.append(row["student_id"])
    with open(os.path.join(out, "form-export.csv"), "w", newline="", encoding="utf-8") as o:
        w = csv.writer(o, lineterminator="\n")
        w.writerow(["Timestamp", "Student ID", "Date of visit", "Start time", "Minutes", "Educator 1",
                    "Educator 2", "Focus of the visit", "Date the family agreed", "Date you reflected together"])
        for pair, visited in students.items():
            educators = pair.split(";") + [""]
            for day, student in zip(MAY_DAYS, visited):
                w.writerow(["5/%d/2026 20:%02d:00" % (day + 1, rng.randint(0, 59)), student, "5/%d/2026" % day,
                            "5:%02d:00 PM" % rng.choice([0, 15, 30]), rng.choice([30, 45, 60]), educators[0],
                            educators[1], rng.choice(["Academics", "Something else"]), "4/27/2026",
                            "5/%d/2026" % (day + 1)])
    with open(os.path.join(out, "form-map.yaml"), "w", encoding="utf-8") as m:
        m.write(FORM_MAP)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("repo")
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    survey(a.repo, a.out, rng)
    visits(a.repo, a.out, rng)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a data repo of many classes whose visits are random cross-sections,
for the check-targeting suite. Seeded: the same arguments give the same files.

usage: gen_targeting.py DIR [--seed N] [--classes N] [--plant] [--flags-file FILE] [--no-flags]
  --plant       add homeroom T099 (site S01) whose visits, all in October 2026,
                go to exactly its students flagged for attendance
  --flags-file  write the flag_* columns to FILE (student_id, flag_*) instead
                of students.csv
  --no-flags    no flag columns anywhere
"""
import argparse
import os
import random

CONFIG = """district: Test District
school_year: {start: 2026-07-01, end: 2027-06-30, mid_year: 2027-01-31}
calendar:
  first_day: 2026-08-19
  last_day: 2027-06-04
  weekdays: [mon, tue, wed, thu, fri]
  school_day: {start: "08:00", end: "15:30"}
  holidays: []
compensation:
  certificated: {per_visit: 50.00}
  classified: {hourly: 28.00, minimum_minutes: 60}
  training: {certificated_hourly: 40.00, classified_hourly: 28.00}
funding:
  - {source: district, amount: 100000.00}
targeting: {full_coverage: 0.9, alpha: 0.05, min_visited: 5}
"""
DATES = ["2026-09-12", "2026-10-03", "2026-11-14", "2027-02-06", "2027-02-20"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--classes", type=int, default=40)
    ap.add_argument("--plant", action="store_true")
    ap.add_argument("--flags-file")
    ap.add_argument("--no-flags", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.dir, exist_ok=True)

    def write(name, text):
        with open(os.path.join(a.dir, name), "w", newline="") as f:
            f.write(text)

    homerooms = [("T%03d" % (i + 1), "S01" if i % 2 == 0 else "S02", str(i % 6 + 1)) for i in range(a.classes)]
    if a.plant:
        homerooms.append(("T099", "S01", "3"))
    staff = "staff_id,name,site_id,role,class,opted_in,hourly_rate,active\n"
    for t, site, _ in homerooms:
        staff += "%s,Teacher %s,%s,teacher,certificated,yes,,yes\n" % (t, t, site)
    for p, site in (("P01", "S01"), ("P02", "S02")):
        staff += "%s,Partner %s,%s,counselor,certificated,yes,,yes\n" % (p, p, site)

    students, flags, visits = [], [], []
    n = 0
    for t, site, grade in homerooms:
        size = rng.randint(20, 30)
        ids = []
        for _ in range(size):
            n += 1
            sid = "ST%04d" % n
            ids.append(sid)
            att = "yes" if rng.random() < 0.15 else "no"
            beh = "yes" if rng.random() < 0.10 else "no"
            students.append([sid, site, grade, t, "Name_" + sid, ""])
            flags.append((sid, att, beh))
        if t == "T099":
            flagged = [s for s in ids if flags[int(s[2:]) - 1][1] == "yes"]
            for s in ids:  # at least six flagged, so the plant is clear
                if len(flagged) >= 6:
                    break
                i = int(s[2:]) - 1
                if flags[i][1] != "yes":
                    flags[i] = (s, "yes", flags[i][2])
                    flagged.append(s)
            chosen, dates = flagged, ["2026-10-03"]
        else:
            chosen, dates = rng.sample(ids, rng.randint(5, 15)), DATES
        partner = "P01" if site == "S01" else "P02"
        for s in sorted(chosen):
            d = rng.choice(dates)
            visits.append("V%s-%s,%s,%s,%s,16:30,45,%s;%s,completed,2026-09-01,hopes_and_dreams,home,%s,,"
                          % (d.replace("-", ""), s, s, site, d, t, partner, d))

    head = "student_id,site_id,grade,homeroom_id,name,family_id"
    inline = not a.no_flags and not a.flags_file
    rows = [head + (",flag_attendance,flag_behavior" if inline else "")]
    for st, (_, att, beh) in zip(students, flags):
        rows.append(",".join(st + ([att, beh] if inline else [])))
    write("students.csv", "\n".join(rows) + "\n")
    if a.flags_file:
        with open(a.flags_file, "w") as f:
            f.write("student_id,flag_attendance,flag_behavior\n")
            f.writelines("%s,%s,%s\n" % fl for fl in flags)
    write("pthv.yaml", CONFIG)
    write("sites.csv", "site_id,name,level,status,coordinator_id,visit_goal\n"
                       "S01,North Elementary,elementary,active,,\nS02,South Elementary,elementary,active,,\n")
    write("staff.csv", staff)
    write("trainings.csv", "staff_id,date,kind,hours,session\n" +
          "".join("%s,2026-08-10,intro,3,2026-08 intro\n" % line.split(",")[0] for line in staff.splitlines()[1:]))
    write("visits.csv", "visit_id,student_id,site_id,date,start_time,minutes,educators,status,arranged_on,"
                        "focus,mode,reflected_on,language,notes\n" + "\n".join(visits) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate a synthetic state-scale PTHV data repo for benchmarks.

A state agency that rolls many districts into one repo has hundreds of
sites of ~500-1,500 students each, homerooms of ~25, and about 0.8 visit
rows a year per student. This writes such a repo at any scale:

    python3 bench/generate.py --students 1000000 --out /tmp/state [--seed 7]

Shapes (same school year and calendar as examples/, as of 2026-05-15):
- sites of 500-1,500 students (elementary, middle, high), homerooms of
  22-28 students, each homeroom teacher a staff member; a few extra staff
  per site (counselors certificated, liaisons classified);
- ~88% of staff opted in, every opted-in one trained (intro in June 2025);
  the rest never visit;
- families: ~15% of students share a family_id with a sibling at the same
  site (another grade); siblings are visited together, one row each;
- visits by a fixed pair of opted-in, trained staff of the site: first
  visits in summer or fall (hopes_and_dreams), winter second visits
  (academics/other), declines, cancellations, no-shows, and visits still
  scheduled after the as-of date.

Everything is written row by row, one site at a time (a site's students
are the only thing held in memory), so 1M students take about a minute.
The repo validates nearly clean: a few CP4-targeting warnings may appear by
chance, as in any real district.
"""

import argparse
import datetime as dt
import os
import random

D = dt.date
YEAR_START, YEAR_END = D(2025, 7, 1), D(2026, 6, 30)
FIRST_DAY, LAST_DAY = D(2025, 8, 20), D(2026, 6, 5)
AS_OF = D(2026, 5, 15)
HOLIDAYS = [(D(2025, 9, 1), D(2025, 9, 1)), (D(2025, 11, 11), D(2025, 11, 11)),
            (D(2025, 11, 27), D(2025, 11, 28)), (D(2025, 12, 22), D(2026, 1, 2)),
            (D(2026, 1, 19), D(2026, 1, 19)), (D(2026, 2, 16), D(2026, 2, 16)),
            (D(2026, 3, 30), D(2026, 4, 3)), (D(2026, 5, 25), D(2026, 5, 25))]

PTHV_YAML = """\
# Synthetic state-scale data repo (bench/generate.py): many districts in one.
district: State PTHV Program (synthetic)
school_year: {start: 2025-07-01, end: 2026-06-30, mid_year: 2026-01-31}
calendar:
  first_day: 2025-08-20
  last_day: 2026-06-05
  weekdays: [mon, tue, wed, thu, fri]
  school_day: {start: "08:00", end: "15:30"}
  holidays: [2025-09-01, 2025-11-11, 2025-11-27..2025-11-28, 2025-12-22..2026-01-02,
             2026-01-19, 2026-02-16, 2026-03-30..2026-04-03, 2026-05-25]
practices:
  arrange_lead_days: 1
  reflection_within_days: 7
  refresher_months: 24
  severity: {CP5-reflection: warning}
compensation:
  certificated: {per_visit: 50.00}
  classified:   {hourly: 28.00, minimum_minutes: 60}
  training:     {certificated_hourly: 40.00, classified_hourly: 28.00}
  max_paid_visits_per_staff: 60
funding:
  - {source: title-1, amount: %s, sites: [%s]}
  - {source: state, amount: %s}
reports: {min_cell: 10, subgroups: [ell, frl, race_ethnicity]}
targeting: {full_coverage: 0.9, alpha: 0.05, min_visited: 5}
"""

FIRST = ["Olivia", "Liam", "Emma", "Noah", "Sofía", "Mateo", "Camila", "Diego",
         "An", "Bao", "Linh", "Minh", "Wei", "Jia", "Omar", "Layla", "Arjun",
         "Simran", "Pa", "Kou", "Anya", "Dmytro", "Zoë", "André", "Ángel"]
LAST = ["Smith", "Johnson", "García", "Hernández", "Nguyen", "Tran", "Chen",
        "Wang", "Santos", "Haddad", "Gill", "Vang", "Kovalenko", "O'Brien",
        "Müller", "Dela Cruz", "Okafor", "Patel", "Kim", "Rossi"]
def subgroups(n, lang):
    """Made-up subgroup values (reports.subgroups), from the student's
    number alone, so the random stream, and every other file, is as it was."""
    h = (n * 2654435761) & 0xFFFFFFFF
    ell = "yes" if lang != "en" and h % 100 < 60 else "no"
    frl = "yes" if (h >> 8) % 100 < 45 else "no"
    r = (h >> 16) % 100
    race = ("hispanic" if r < 30 else "white" if r < 70 else "black" if r < 85 else "asian" if r < 93
            else "multiracial" if r < 98 else "")
    return [ell, frl, race]


LANGS = ["en"] * 55 + ["es"] * 30 + ["vi"] * 5 + ["zh"] * 4 + ["tl", "ar", "pa", "hmn", "uk", "so"]
LEVELS = [("elementary", ["K", "1", "2", "3", "4", "5"]),
          ("middle", ["6", "7", "8"]),
          ("high", ["9", "10", "11", "12"])]


def is_holiday(d):
    return any(a <= d <= b for a, b in HOLIDAYS)


def is_school_day(d):
    return FIRST_DAY <= d <= LAST_DAY and d.weekday() < 5 and not is_holiday(d)


def window(lo, hi):
    return [lo + dt.timedelta(n) for n in range((hi - lo).days + 1)
            if not is_holiday(lo + dt.timedelta(n))]


# Visit windows (dates with no holiday); a second visit is always in winter,
# after every first visit, so first visits are the hopes-and-dreams ones.
SUMMER = window(D(2025, 7, 8), D(2025, 8, 18))
FALL = window(D(2025, 8, 25), D(2025, 11, 21))
WINTER = window(D(2026, 1, 5), D(2026, 3, 13))
DECLINE = window(D(2025, 8, 11), D(2025, 10, 31))
AHEAD = window(D(2026, 5, 18), D(2026, 6, 5))
AFTER_SCHOOL = list(range(15 * 60 + 45, 19 * 60 + 1, 15))
DAYTIME = list(range(9 * 60, 17 * 60 + 1, 30))
MINUTES = [25, 30, 30, 40, 45, 45, 45, 50, 60, 60, 75, 90]


def hhmm(t):
    return "%02d:%02d" % divmod(t, 60)


class Writer:
    def __init__(self, out):
        self.f = {name: open(os.path.join(out, name), "w", encoding="utf-8", newline="")
                  for name in ("sites.csv", "staff.csv", "students.csv", "trainings.csv", "visits.csv")}
        self.f["sites.csv"].write("site_id,name,level,status,coordinator_id,visit_goal\n")
        self.f["staff.csv"].write("staff_id,name,site_id,role,class,opted_in,hourly_rate,active\n")
        self.f["students.csv"].write("student_id,site_id,grade,homeroom_id,name,family_id,language,"
                                     "flag_attendance,flag_behavior,flag_academic,ell,frl,race_ethnicity\n")
        self.f["trainings.csv"].write("staff_id,date,kind,hours,session\n")
        self.f["visits.csv"].write("visit_id,student_id,site_id,date,start_time,minutes,educators,"
                                   "status,arranged_on,focus,mode,reflected_on,language,notes\n")

    def row(self, name, cells):
        self.f[name].write(",".join(cells) + "\n")

    def close(self):
        for f in self.f.values():
            f.close()


def quote(s):
    return '"%s"' % s.replace('"', '""') if ("," in s or '"' in s) else s


class Gen:
    def __init__(self, students, seed, out, site_size=(500, 1500)):
        self.r = random.Random(seed)
        self.target = students
        self.site_size = site_size
        self.w = Writer(out)
        self.n_staff = self.n_student = self.n_family = self.n_visits = 0
        self.site_ids = []

    def name(self):
        r = self.r
        return quote("%s %s" % (r.choice(FIRST), r.choice(LAST)))

    def run(self):
        r = self.r
        s = 0
        while self.n_student < self.target:
            s += 1
            left = self.target - self.n_student
            size = min(left, r.randint(*self.site_size))
            self.site(s, size)
        self.w.close()
        return s

    def site(self, s, size):
        r, w = self.r, self.w
        site_id = "S%04d" % s
        self.site_ids.append(site_id)
        level, grades = r.choice(LEVELS)
        # Homerooms of 22-28 students.
        rooms = []
        left = size
        while left > 0:
            n = min(left, r.randint(22, 28))
            rooms.append(n)
            left -= n
        staff = []  # (staff_id, class, opted_in)
        for _ in rooms:
            self.n_staff += 1
            staff.append(("T%06d" % self.n_staff, "teacher", "certificated"))
        for role, cls in (("counselor", "certificated"), ("liaison", "classified"),
                          ("liaison", "classified"), ("paraprofessional", "classified")):
            self.n_staff += 1
            staff.append(("T%06d" % self.n_staff, role, cls))
        opted = []
        for sid, role, cls in staff:
            yes = r.random() < 0.88
            w.row("staff.csv", [sid, self.name(), site_id, role, cls, "yes" if yes else "no",
                                "29.50" if role == "liaison" and r.random() < 0.3 else "", "yes"])
            if yes:
                opted.append(sid)
                day = r.choice((D(2025, 6, 18), D(2025, 6, 25)))
                w.row("trainings.csv", [sid, day.isoformat(), "intro", "6",
                                        quote("%s intro, site %s" % (day.strftime("%Y-%m"), site_id))])
        coordinator = opted[0] if opted else ""
        w.row("sites.csv", [site_id, quote("%s %s School" % (r.choice(LAST), level.title())),
                            level, "active", coordinator, str(int(size * 0.5))])

        # Students, homeroom by homeroom; siblings share a family at this site.
        students = []  # (student_id, grade, family_id, language)
        for room, n in enumerate(rooms):
            grade = grades[room * len(grades) // len(rooms)]
            homeroom = staff[room][0]
            for _ in range(n):
                self.n_student += 1
                stid = "ST%07d" % self.n_student
                lang = r.choice(LANGS)
                sib = r.choice(students) if students and r.random() < 0.15 else None
                if sib and sib[1] != grade:
                    fam, lang = sib[2], sib[3]
                else:
                    self.n_family += 1
                    fam = "F%07d" % self.n_family
                students.append((stid, grade, fam, lang))
                flags = ["yes" if r.random() < p else "no" for p in (0.14, 0.10, 0.18)]
                w.row("students.csv", [stid, site_id, grade, homeroom, self.name(), fam, lang] + flags +
                      subgroups(self.n_student, lang))

        # Units: a family's students at this site are visited together.
        units = {}
        for st in students:
            units.setdefault(st[2], []).append(st)
        pairs = [sorted(opted[i:i + 2]) for i in range(0, len(opted) - 1, 2)]
        load = {}
        for unit in units.values():
            if not pairs:
                break
            x = r.random()
            pair = r.choice(pairs)
            if load.get(pair[0], 0) + 2 * len(unit) > 50:
                continue  # the pair is busy enough this year (max_paid_visits_per_staff)
            if x < 0.47:
                self.visit(unit, site_id, pair, r.choice(SUMMER if r.random() < 0.3 else FALL),
                                   "completed", "hopes_and_dreams")
                load[pair[0]] = load.get(pair[0], 0) + len(unit)
                if r.random() < 0.55:
                    if r.random() < 0.05:  # a winter no-show, then the visit
                        self.visit(unit, site_id, pair, r.choice(WINTER[:10]), "no_show", "academics")
                    self.visit(unit, site_id, pair, r.choice(WINTER[12:]), "completed",
                               r.choice(("academics", "academics", "other")))
                    load[pair[0]] += len(unit)
                elif r.random() < 0.1:
                    self.visit(unit, site_id, pair, r.choice(AHEAD), "scheduled", "academics")
            elif x < 0.52:
                self.visit(unit, site_id, pair, r.choice(DECLINE), "declined", "")
            elif x < 0.54:
                self.visit(unit, site_id, pair, r.choice(FALL), "cancelled", "hopes_and_dreams")
            elif x < 0.57:
                self.visit(unit, site_id, pair, r.choice(AHEAD), "scheduled", "hopes_and_dreams")

    def visit(self, unit, site_id, pair, d, status, focus):
        r, w = self.r, self.w
        day = d.isoformat()
        start = minutes = arranged = mode = reflected = ""
        if status != "declined":
            start = hhmm(r.choice(AFTER_SCHOOL if is_school_day(d) else DAYTIME))
            arranged = (d - dt.timedelta(r.randint(2, 12))).isoformat()
            mode = r.choice(("home", "home", "home", "home", "home", "community", "virtual"))
        if status == "completed":
            minutes = str(r.choice(MINUTES))
            reflected = (d + dt.timedelta(r.randint(0, 5))).isoformat()
        educators = ";".join(pair)
        stamp = d.strftime("%Y%m%d")
        for stid, _, _, lang in unit:
            self.n_visits += 1
            w.row("visits.csv", ["V%s-%s" % (stamp, stid), stid, site_id, day, start, minutes, educators,
                                 status, arranged, focus if status != "declined" else "", mode, reflected,
                                 lang, ""])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--students", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True, help="folder to write the repo into (created)")
    ap.add_argument("--site-size", default="500-1500", metavar="LO-HI",
                    help="students per site, drawn between LO and HI (300-900 gives a million "
                         "students about 1,670 sites)")
    a = ap.parse_args()
    try:
        lo, hi = (int(x) for x in a.site_size.split("-"))
        if not 1 <= lo <= hi:
            raise ValueError
    except ValueError:
        ap.error("--site-size: expected LO-HI, two whole numbers with 1 <= LO <= HI, got %r" % a.site_size)
    os.makedirs(a.out, exist_ok=True)
    g = Gen(a.students, a.seed, a.out, (lo, hi))
    sites = g.run()
    title1 = ", ".join(g.site_ids[: max(1, sites // 5)])
    with open(os.path.join(a.out, "pthv.yaml"), "w", encoding="utf-8") as f:
        # Budgets scale with the sites, up to the largest amount pthv
        # accepts (9,999,999.99).
        budget = lambda cents: "%.2f" % (min(cents, 999999999) / 100)
        f.write(PTHV_YAML % (budget(sites * 2000000), title1, budget(sites * 4000000)))
    with open(os.path.join(a.out, ".gitattributes"), "w", encoding="utf-8") as f:
        f.write("visits.csv merge=union\ntrainings.csv merge=union\n")
    print("%d sites, %d staff, %d students, %d families, %d visit rows -> %s"
          % (sites, g.n_staff, g.n_student, g.n_family, g.n_visits, a.out))


if __name__ == "__main__":
    main()

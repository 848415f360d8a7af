#!/usr/bin/env python3
"""Generate the Riverbend Unified School District example data repo.

Writes pthv.yaml, sites.csv, staff.csv, students.csv, trainings.csv,
visits.csv, sessions.csv, events.csv, surveys.csv and .gitattributes next to this script,
and the spring family survey's export in import/family-survey.csv. Standard library only;
the random seed is fixed, so running it again gives byte-identical files.

The data is a snapshot of the 2025-26 school year as of 2026-05-15: every
visit dated on or before that day has an outcome, every later one is still
`scheduled`. Everything is clean under every rule except a short, documented
list of planted findings (see README.md); the self-check at the end
re-reads the written files, runs the rules, and fails unless exactly those
findings appear.

Usage:  python3 generate.py          (writes the files, prints a summary)
"""

import csv
import datetime as dt
import hashlib
import hmac
import math
import os
import random
import unicodedata

SEED = 20250701
# T032's name as the roster writes it (Wang Haoran): the example has a name in
# a script other than Latin, for pthv remind's mail.
NON_LATIN_NAME = "王浩然"
HERE = os.path.dirname(os.path.abspath(__file__))
D = dt.date

# --------------------------------------------------------------------------
# The school year and calendar (mirrors pthv.yaml below)
# --------------------------------------------------------------------------
YEAR_START, YEAR_END, MID_YEAR = D(2025, 7, 1), D(2026, 6, 30), D(2026, 1, 31)
FIRST_DAY, LAST_DAY = D(2025, 8, 20), D(2026, 6, 5)
AS_OF = D(2026, 5, 15)
SCHOOL_START, SCHOOL_END = 8 * 60, 15 * 60 + 30
HOLIDAYS = [  # (first, last, name)
    (D(2025, 9, 1), D(2025, 9, 1), "Labor Day"),
    (D(2025, 11, 11), D(2025, 11, 11), "Veterans Day"),
    (D(2025, 11, 27), D(2025, 11, 28), "Thanksgiving break"),
    (D(2025, 12, 22), D(2026, 1, 2), "Winter break"),
    (D(2026, 1, 19), D(2026, 1, 19), "Martin Luther King Jr. Day"),
    (D(2026, 2, 16), D(2026, 2, 16), "Presidents' Day"),
    (D(2026, 3, 30), D(2026, 4, 3), "Spring break"),
    (D(2026, 5, 25), D(2026, 5, 25), "Memorial Day"),
]
ARRANGE_LEAD_DAYS = 1
REFLECTION_WITHIN_DAYS = 7
REFRESHER_MONTHS = 24
MAX_PAID_VISITS = 60
TARGETING = {"full_coverage": 0.9, "alpha": 0.05, "min_visited": 5}


def is_holiday(d):
    return any(a <= d <= b for a, b, _ in HOLIDAYS)


def is_school_day(d):
    return FIRST_DAY <= d <= LAST_DAY and d.weekday() < 5 and not is_holiday(d)


def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    last = [31, 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return D(y, m, min(d.day, last))


def hhmm(t):
    return "%02d:%02d" % divmod(t, 60)


def parse_hhmm(s):
    h, m = s.split(":")
    return int(h) * 60 + int(m)


def days(a, b):
    return [a + dt.timedelta(n) for n in range((b - a).days + 1)]


# --------------------------------------------------------------------------
# pthv.yaml
# --------------------------------------------------------------------------
PTHV_YAML = """\
# Riverbend Unified School District - Parent Teacher Home Visits, 2025-26.
# This folder is the program's data repo: pthv reads this file and the CSV
# files beside it. Change a setting here and commit it like any other edit.
district: Riverbend Unified School District

# The school year every report and check works on. mid_year closes the
# mid-year report (July through January).
school_year: {start: 2025-07-01, end: 2026-06-30, mid_year: 2026-01-31}

# When school is in session. A visit counts as "outside the school day" (and
# so is paid) when it falls on a day without school - summer, weekends,
# holidays, breaks - or, on a school day, does not overlap school_day at all.
calendar:
  first_day: 2025-08-20         # first day of instruction
  last_day: 2026-06-05          # last day of instruction
  weekdays: [mon, tue, wed, thu, fri]
  school_day: {start: "08:00", end: "15:30"}
  holidays:                     # single days and first..last ranges, no school
    - 2025-09-01                # Labor Day
    - 2025-11-11                # Veterans Day
    - 2025-11-27..2025-11-28    # Thanksgiving break
    - 2025-12-22..2026-01-02    # Winter break
    - 2026-01-19                # Martin Luther King Jr. Day
    - 2026-02-16                # Presidents' Day
    - 2026-03-30..2026-04-03    # Spring break
    - 2026-05-25                # Memorial Day

# How the five core practices are checked.
practices:
  arrange_lead_days: 1          # families agree to a visit at least a day ahead
  reflection_within_days: 7     # the pair reflects together within a week
  refresher_months: 24          # training older than two years is due for a refresher
  log_within_days: 7            # a visit reaches the log within a week (late-entry)
  virtual_pair: no              # a virtual visit is a video call by one teacher
  severity: {CP5-reflection: warning}   # per rule: error | warning | off

# The events each school and the district hold every year (event-missing
# from `due` on): the district coordinator's visit to each school, a meeting
# with its administrators and a celebration; and a district celebration.
events:
  per_site: [site_visit, admin_meeting, celebration]
  district: [celebration]
  due: 2026-04-30

# pthv remind mails each staff member a digest of what is due for them (the
# email column of staff.csv), from this address.
remind:
  from: "Riverbend PTHV <pthv@example.org>"

# What educators are paid for visits outside the school day and for training.
# Certificated staff (teachers, counselors) are paid per visit; classified
# staff (paraprofessionals, family liaisons) by the hour, with a one-hour
# minimum. A staff member's own hourly_rate in staff.csv overrides the rate.
compensation:
  certificated: {per_visit: 50.00}
  classified:   {hourly: 28.00, minimum_minutes: 60}
  training:     {certificated_hourly: 40.00, classified_hourly: 28.00}
  max_paid_visits_per_staff: 60   # per school year, per staff member

# Who pays. An item (a visit, a training) goes to the first source below
# that lists its site (or lists no sites) and whose period holds its date;
# without a period a source pays for the school year. Title I runs on the
# federal year; the state's home-visit grant ended in March, so S03 and S04
# fall to the district from April on.
funding:
  - {source: title-1, amount: 65000.00, sites: [S01, S02], period: {from: 2025-10-01, to: 2026-09-30}}
  - {source: state-grant, amount: 40000.00, sites: [S03, S04], period: {from: 2025-07-01, to: 2026-03-31}}
  - {source: district, amount: 75000.00}                      # general fund: the rest

# Public reports show any count below min_cell as "<10", so no family can be
# picked out of a small number. Reports break coverage down by the
# subgroups named here (columns of students.csv; values made up).
reports: {min_cell: 10, subgroups: [ell, iep, frl, race_ethnicity]}

# Core practice 4 (no targeting): visit every student, or a true
# cross-section. A class whose coverage reaches full_coverage passes; one
# with fewer than min_visited visits is too small to judge; otherwise a
# concern flag over-represented among visited students with an adjusted
# p-value below alpha is reported as possible targeting.
targeting: {full_coverage: 0.9, alpha: 0.05, min_visited: 5}
"""

GITATTRIBUTES = """\
# The logs only ever grow: let git merge them by keeping both sides' new
# lines (by key, once `pthv hooks install` has run).
visits.csv merge=union
trainings.csv merge=union
events.csv merge=union
sessions.csv merge=union
surveys.csv merge=union
removed_visits.csv merge=union
"""

# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------
SURNAMES = {
    "en": ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
           "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson",
           "Martin", "Thompson", "White", "Harris", "Clark", "Lewis",
           "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
           "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell",
           "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans",
           "Edwards", "Collins", "Stewart", "Murphy", "Cook", "Rogers", "Reed",
           "Bailey", "Bell", "Cooper", "Howard", "Ward", "O'Brien",
           "Washington", "Brooks", "Coleman", "Jenkins", "Foster", "Bryant",
           "Hayes", "Russell", "Sullivan", "Kowalski", "Novak", "Schmidt",
           "Müller", "Okafor", "Mensah", "Abara", "Haile", "Tesfaye",
           "Yamamoto", "Kim", "Park", "Patel", "Shah", "Rossi", "Dubois"],
    "es": ["García", "Hernández", "López", "Martínez", "Rodríguez", "González",
           "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Rivera",
           "Gómez", "Díaz", "Cruz", "Morales", "Reyes", "Ortiz", "Gutiérrez",
           "Chavez", "Ramos", "Vargas", "Castillo", "Jimenez", "Mendoza",
           "Ruiz", "Álvarez", "Romero", "Herrera", "Medina", "Aguilar", "Vega",
           "Salazar", "Navarro", "Dominguez", "Guerrero", "Estrada",
           "Contreras", "Ibarra", "Zamora", "Delgado", "Montoya", "Peña"],
    "vi": ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang",
           "Bui", "Do", "Ho", "Ngo", "Duong", "Ly", "Trương", "Đặng"],
    "zh": ["Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Wu", "Lin", "Zhou",
           "Yang", "Xu", "Guo", "Ma"],
    "tl": ["Santos", "Dela Cruz", "Bautista", "Villanueva", "Aquino",
           "Fernandez", "Lim", "Soriano", "Manalo"],
    "ar": ["Haddad", "Khalil", "Nasser", "Saleh", "Hassan", "Mansour",
           "Farah", "Aziz"],
    "pa": ["Gill", "Sandhu", "Dhillon", "Sidhu", "Grewal", "Bains", "Brar"],
    "hmn": ["Vang", "Xiong", "Yang", "Moua", "Her", "Lor", "Vue", "Thao"],
    "uk": ["Kovalenko", "Shevchenko", "Bondarenko", "Melnyk", "Tkachenko"],
}
FIRST_NAMES = {
    "en": ["Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Amelia",
           "James", "Harper", "Lucas", "Mia", "Benjamin", "Evelyn", "Henry",
           "Aaliyah", "Jayden", "Zoe", "Malik", "Chloe", "Isaiah", "Nora",
           "Caleb", "Layla", "Wyatt", "Hazel", "Owen", "Aria", "Jackson",
           "Riley", "Xavier", "Imani", "Darnell", "Brianna", "Marcus", "Grace",
           "Ethan", "Lily", "Mason", "Ella", "Logan", "Avery", "Carter",
           "Scarlett", "Levi", "Stella", "Zoë", "Chloé", "Renée", "André",
           "Jada", "Tyrone", "Kiara", "Dominic", "Hannah", "Samuel", "Maya",
           "Aiden", "Nia", "Julian", "Ruby", "Theo", "Violet", "Ezra", "Kai"],
    "es": ["Sofía", "Mateo", "Valentina", "Santiago", "Camila", "Diego",
           "Isabella", "Emiliano", "Ximena", "Leonardo", "Daniela",
           "Sebastián", "Lucía", "Adrián", "Natalia", "Ángel", "Mariana",
           "Luis", "Fernanda", "Jesús", "Andrea", "Carlos", "Gabriela",
           "Miguel", "Paola", "José", "Alejandra", "Javier", "Renata",
           "Julián", "Elena", "Iker", "Regina", "Marco", "Abril", "Valeria",
           "Joaquín", "Guadalupe", "Rafael", "Itzel", "Yaretzi", "Héctor"],
    "vi": ["An", "Bao", "Khanh", "Linh", "Minh", "Ngoc", "Phuong", "Quan",
           "Thao", "Tuan", "Vy", "Huy", "Trang", "Duc", "Mai", "Long", "Hanh",
           "Tien", "Khoa", "Nhi"],
    "zh": ["Wei", "Jia", "Hao", "Yi", "Xin", "Mei", "Jun", "Yu", "Ling",
           "Zihan", "Ruoxi", "Haoran", "Yichen", "Kai", "Anna", "Kevin"],
    "tl": ["Angelo", "Bea", "Carlo", "Jasmine", "Kyla", "Nicole", "Paolo",
           "Rhea", "Joshua", "Princess", "Mark", "Andrea"],
    "ar": ["Omar", "Layla", "Yusuf", "Amira", "Karim", "Noor", "Zaid",
           "Mariam", "Ali", "Salma", "Hana"],
    "pa": ["Arjun", "Simran", "Harpreet", "Jasleen", "Gurpreet", "Manpreet",
           "Navdeep", "Rajveer", "Amrit"],
    "hmn": ["Pa", "Kou", "Mai", "Tou", "Nou", "Chue", "Fue", "Yer", "Ka",
            "Lue"],
    "uk": ["Anya", "Dmytro", "Sofiia", "Maksym", "Daria", "Artem", "Yuliia"],
}

# --------------------------------------------------------------------------
# Sites
# --------------------------------------------------------------------------
# (site_id, name, level, status, visit_goal, homerooms as (grade, size) ...,
#  languages as weights)
SITES = [
    ("S01", "Cedar Grove Elementary", "elementary", "active", 160,
     [("TK", 20), ("K", 23), ("K", 24), ("1", 24), ("1", 23), ("2", 24),
      ("2", 25), ("3", 24), ("3", 25), ("4", 24), ("4", 25), ("5", 25),
      ("5", 24)],
     {"en": 50, "es": 35, "vi": 5, "tl": 4, "ar": 3, "zh": 3}),
    ("S02", "Las Palmas Elementary", "elementary", "active", 170,
     [("TK", 22), ("K", 24), ("K", 23), ("1", 25), ("1", 24), ("2", 25),
      ("2", 24), ("3", 25), ("3", 24), ("4", 26), ("4", 25), ("5", 26),
      ("5", 25)],
     {"en": 30, "es": 58, "vi": 4, "tl": 3, "hmn": 3, "zh": 2}),
    ("S03", "Willow Creek Elementary", "elementary", "active", 140,
     [("K", 22), ("K", 22), ("1", 24), ("1", 23), ("2", 24), ("2", 24),
      ("3", 25), ("3", 25), ("4", 26), ("4", 25), ("5", 27), ("5", 26)],
     {"en": 52, "es": 20, "vi": 14, "zh": 7, "pa": 4, "uk": 3}),
    ("S04", "Riverbend Middle School", "middle", "active", 130,
     [(g, s) for g in ("6", "7", "8") for s in (25, 24, 26, 25)],
     {"en": 50, "es": 32, "vi": 7, "zh": 3, "tl": 2, "ar": 2, "pa": 2,
      "hmn": 1, "uk": 1}),
    ("S05", "Riverbend High School", "high", "active", 110,
     [(g, s) for g in ("9", "10", "11", "12") for s in (25, 24, 23)]
     + [("9", 24), ("10", 23)],
     {"en": 55, "es": 28, "vi": 7, "zh": 4, "tl": 2, "ar": 1, "pa": 2,
      "uk": 1}),
]
PROSPECTIVE_SITE = ("S06", "Harbor View K-8", "k8", "prospective")
ACTIVE_SITE_IDS = [s[0] for s in SITES]
FEEDS = {"S01": ["S04"], "S02": ["S04"], "S03": ["S04"], "S04": ["S05"]}

# Extra (non-homeroom) staff per site: (role, class)
EXTRA_STAFF = {
    "S01": [("counselor", "certificated"), ("reading specialist", "certificated"),
            ("paraprofessional", "classified"), ("paraprofessional", "classified"),
            ("liaison", "classified"), ("paraprofessional", "classified"),
            ("teacher", "certificated")],
    "S02": [("counselor", "certificated"), ("resource teacher", "certificated"),
            ("liaison", "classified"), ("liaison", "classified"),
            ("paraprofessional", "classified"), ("paraprofessional", "classified")],
    "S03": [("counselor", "certificated"), ("paraprofessional", "classified"),
            ("liaison", "classified"), ("paraprofessional", "classified"),
            ("resource teacher", "certificated"), ("paraprofessional", "classified")],
    "S04": [("counselor", "certificated"), ("teacher", "certificated"),
            ("teacher", "certificated"), ("liaison", "classified"),
            ("paraprofessional", "classified"), ("campus supervisor", "classified"),
            ("counselor", "certificated"), ("paraprofessional", "classified")],
    "S05": [("counselor", "certificated"), ("counselor", "certificated"),
            ("teacher", "certificated"), ("teacher", "certificated"),
            ("liaison", "classified"), ("paraprofessional", "classified"),
            ("teacher", "certificated"), ("liaison", "classified"),
            ("paraprofessional", "classified")],
}
HOURLY_OVERRIDES = ["27.35", "29.80", "31.10"]  # bilingual liaisons

# Training sessions: (date, kind, hours, session text)
SESSIONS = {
    "pilot_jun23": (D(2023, 6, 14), "intro", "6", "2023-06 intro, Cedar Grove Elementary"),
    "pilot_oct23": (D(2023, 10, 18), "intro", "4", "2023-10 intro, Riverbend MS"),
    "intro_jul25": (D(2025, 7, 9), "intro", "6", "2025-07 intro, Riverbend HS"),
    "intro_aug25a": (D(2025, 8, 6), "intro", "5", "2025-08 intro, Las Palmas Elementary"),
    "intro_aug25b": (D(2025, 8, 13), "intro", "4.5", "2025-08 intro, Riverbend MS"),
    "refr_aug25": (D(2025, 8, 12), "refresher", "2.5", "2025-08 refresher, district office"),
    "intro_oct25": (D(2025, 10, 8), "intro", "4", "2025-10 intro, district office"),
    "intro_jan26": (D(2026, 1, 28), "intro", "4", "2026-01 intro, Willow Creek Elementary"),
    "refr_feb26": (D(2026, 2, 4), "refresher", "2", "2026-02 refresher, Riverbend MS"),
}


# The session rows of sessions.csv, by the keys above: (session_id, site_id,
# trainer, capacity, location). The July intro was planned for 28 seats and
# 30 came (session-over-capacity). The May intro was held the day before the
# snapshot and is not recorded yet; two more are planned after it.
SESSION_ROWS = {
    "pilot_jun23": ("2023-06-intro-S01", "S01", "PTHV National trainer", 12, "Cedar Grove library"),
    "pilot_oct23": ("2023-10-intro-S04", "S04", "PTHV National trainer", 12, "Riverbend MS room 12"),
    "intro_jul25": ("2025-07-intro-S05", "S05", "District PTHV coordinator", 28, "Riverbend HS cafeteria"),
    "intro_aug25a": ("2025-08-intro-S02", "S02", "District PTHV coordinator", 30, "Las Palmas multipurpose room"),
    "intro_aug25b": ("2025-08-intro-S04", "S04", "District PTHV coordinator", 20, "Riverbend MS room 12"),
    "refr_aug25": ("2025-08-refresher", "", "District PTHV coordinator", 15, "District office"),
    "intro_oct25": ("2025-10-intro", "", "District PTHV coordinator", 15, "District office"),
    "intro_jan26": ("2026-01-intro-S03", "S03", "District PTHV coordinator", 15, "Willow Creek library"),
    "refr_feb26": ("2026-02-refresher-S04", "S04", "District PTHV coordinator", 10, "Riverbend MS room 12"),
}
PLANNED_SESSIONS = [
    ("2026-05-intro-S05", D(2026, 5, 14), "intro", "S05", "District PTHV coordinator", 20, "3", "Riverbend HS library"),
    ("2026-06-refresher", D(2026, 6, 10), "refresher", "", "District PTHV coordinator", 25, "2.5", "District office"),
    ("2026-08-intro", D(2026, 8, 5), "intro", "", "District PTHV coordinator", 40, "5", "Riverbend HS cafeteria"),
]

# The spring family survey (import/family-survey.csv, surveys.csv): an
# anonymous form open from early March to early May; its questions as
# surveys.csv columns, the form's wording of each, and how answers lean.
SURVEY_OPEN, SURVEY_CLOSE = D(2026, 3, 2), D(2026, 5, 8)
# The key surveys.csv's response ids are made with. It is published (in
# README.md) so that importing import/family-survey.csv gives exactly
# surveys.csv; a real district's key is random and private.
SURVEY_EXAMPLE_KEY = "riverbend-example-survey-key-published-never-secret"
SURVEY_QUESTIONS = ["q_welcome", "q_hopes_known", "q_reach_out", "q_another_visit"]
SURVEY_COLUMNS = ["response_id", "date", "site_id", "student_id"] + SURVEY_QUESTIONS
SURVEY_EXPORT_HEADER = [
    "Timestamp", "Which school does your child attend?",
    "I feel welcome at my child's school.",
    "My child's teacher knows my hopes and dreams for my child.",
    "I feel comfortable reaching out to my child's teacher.",
    "I would welcome another home visit.",
    "Anything else you would like to tell us? (optional)",
]
SURVEY_WEIGHTS = [(52, 33, 9, 4, 2), (44, 36, 12, 5, 3), (40, 37, 14, 6, 3), (58, 27, 9, 4, 2)]
SURVEY_WORDS = {5: "Strongly agree", 4: "Agree", 3: "Neither agree nor disagree", 2: "Disagree",
                1: "Strongly disagree"}
SURVEY_COMMENTS = [
    "Thank you for coming to our home, it meant a lot to my son.",
    "Gracias por la visita. Mi hija estaba muy feliz.",
    "It was nice to meet the teacher outside of school.",
    "Evenings work better for us than weekends.",
    "We would like a visit for our younger child too.",
    "The video call was easier with our work schedules.",
]

# Events of the year (events.csv). Every school had the coordinator's visit;
# the ones below are the gaps by 2026-04-30 (events.due): Riverbend Middle
# has held no celebration and Riverbend High no meeting with its
# administrators (event-missing).
EVENTS_DUE = D(2026, 4, 30)
MISSING_EVENTS = {("S04", "celebration"), ("S05", "admin_meeting")}


class Gen:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.staff = []          # dicts
        self.staff_by_id = {}
        self.students = []
        self.trainings = []      # (staff_id, date, kind, hours, session)
        self.visits = []         # dicts (visit rows)
        self.busy = {}           # staff_id -> list of (date, start, end)
        self.load = {}           # staff_id -> number of visit rows
        self.plants = []         # (rule, file, record, why)
        self.planted_homeroom = None

    # ---------------------------------------------------------------- names
    def name(self, lang, surname=None):
        r = self.rng
        if surname is None:
            if lang == "en":
                pool = r.choices(["en", "es", "vi", "zh"], [78, 14, 4, 4])[0]
            else:
                pool = lang
            surname = r.choice(SURNAMES[pool])
        first_pool = lang if r.random() < 0.8 or lang == "en" else "en"
        return r.choice(FIRST_NAMES[first_pool]), surname

    # ---------------------------------------------------------------- staff
    def make_staff(self):
        r = self.rng
        n = 0
        for site_id, _, level, _, _, homerooms, _ in SITES:
            roles = [("teacher", "certificated", True)] * len(homerooms)
            roles += [(role, cls, False) for role, cls in EXTRA_STAFF[site_id]]
            for role, cls, homeroom in roles:
                n += 1
                lang = r.choices(["en", "es", "vi", "zh", "tl", "pa"],
                                 [66, 20, 5, 4, 3, 2])[0]
                if role == "liaison":
                    lang = r.choice(["es", "es", "vi", "en"])
                first, last = self.name(lang)
                s = {"staff_id": "T%03d" % n, "name": "%s %s" % (first, last), "site_id": site_id,
                     "role": role, "class": cls, "opted_in": "yes",
                     "hourly_rate": "", "active": "yes",
                     "homeroom": homeroom, "level": level}
                self.staff.append(s)
        self.staff_by_id = {s["staff_id"]: s for s in self.staff}
        liaisons = [s for s in self.staff if s["role"] == "liaison"]
        for s, rate in zip(liaisons[::2], HOURLY_OVERRIDES):
            s["hourly_rate"] = rate
        # Participation is voluntary: about one in eight has not opted in.
        cands = [s for s in self.staff if s["role"] != "liaison"]
        for s in r.sample(cands, 12):
            s["opted_in"] = "no"
        # Two staff members who left the district this year (not homeroom teachers).
        nonhr = [s for s in self.staff if not s["homeroom"] and s["opted_in"] == "yes"
                 and s["role"] in ("paraprofessional", "counselor")]
        for s in r.sample(nonhr, 2):
            s["active"] = "no"
        self.add_emails()

    def add_emails(self):
        """A made-up example.org address for everyone: first.last, accents
        dropped, a digit added where two would be the same. Drawn from no
        generator, so the rest of the data stays as it was. One teacher's name
        is written in Chinese characters, as the district's roster has it."""
        taken = set()
        for s in self.staff:
            plain = unicodedata.normalize("NFKD", s["name"]).encode("ascii", "ignore").decode()
            base = ".".join(w for w in plain.lower().replace("'", "").split())
            address, n = base, 1
            while address in taken:
                n += 1
                address = "%s%d" % (base, n)
            taken.add(address)
            s["email"] = address + "@example.org"
        self.staff_by_id["T032"]["name"] = NON_LATIN_NAME

    def by_site(self, site_id):
        return [s for s in self.staff if s["site_id"] == site_id]

    # ------------------------------------------------------------- trainings
    def make_trainings(self):
        """Decide who attended which session. Sets s['cohort'] for planting."""
        r = self.rng
        eligible = [s for s in self.staff if s["active"] == "yes"]
        # 2023 pilot: Cedar Grove (June) and the middle school (October).
        pilot_jun = [s for s in eligible if s["site_id"] == "S01" and s["opted_in"] == "yes"][:7]
        pilot_oct = [s for s in eligible if s["site_id"] == "S04" and s["opted_in"] == "yes"][:5]
        for s in pilot_jun:
            self.add_training(s, "pilot_jun23")
        for s in pilot_oct:
            self.add_training(s, "pilot_oct23")
        # Refreshers: most of the June cohort in August 2025 ...
        jun_refr = pilot_jun[:5]
        self.refresher_expired = [pilot_jun[5], pilot_oct[3]]   # planted CP2-refresher
        self.refresher_due_idle = pilot_jun[6]                   # due, has not visited since
        for s in jun_refr:
            self.add_training(s, "refr_aug25")
        # ... the October cohort partly in August, partly in February.
        self.add_training(pilot_oct[0], "refr_aug25")
        self.add_training(pilot_oct[1], "refr_aug25")
        self.add_training(pilot_oct[2], "refr_feb26")
        self.add_training(pilot_oct[4], "refr_feb26")
        for s in (pilot_jun[5], pilot_jun[6], pilot_oct[3]):
            s["cohort"] = "expired"
        done = {s["staff_id"] for s in pilot_jun + pilot_oct}
        # Summer 2025 intro for most of the rest; a few opted-out staff came too.
        rest = [s for s in eligible if s["staff_id"] not in done]
        late = []
        for s in rest:
            if s["opted_in"] == "no":
                if r.random() < 0.4:
                    self.add_training(s, r.choice(["intro_jul25", "intro_aug25a"]))
                continue
            x = r.random()
            if x < 0.80:
                key = {"S01": "intro_jul25", "S02": "intro_aug25a",
                       "S03": r.choice(["intro_jul25", "intro_aug25a"]),
                       "S04": "intro_aug25b", "S05": "intro_jul25"}[s["site_id"]]
                self.add_training(s, key)
            elif x < 0.90:
                late.append(s)
                self.add_training(s, "intro_oct25")
            elif x < 0.96:
                self.add_training(s, "intro_jan26")
            # else: opted in, not yet trained (waiting for a session)
        self.oct_trainees = late
        # An opted-out staff member who is trained (planted CP1-opted-in).
        trained_out = [s for s in self.staff if s["opted_in"] == "no"
                       and self.intro_date(s["staff_id"]) is not None]
        assert trained_out, "need a trained opted-out staff member"
        self.trained_opted_out = trained_out

    def add_training(self, s, key):
        d, kind, hours, _ = SESSIONS[key]
        self.trainings.append((s["staff_id"], d, kind, hours, SESSION_ROWS[key][0]))

    def intro_date(self, sid):
        ds = [t[1] for t in self.trainings if t[0] == sid and t[2] == "intro"]
        return min(ds) if ds else None

    def latest_training(self, sid, d):
        ds = [t[1] for t in self.trainings if t[0] == sid and t[1] <= d]
        return max(ds) if ds else None

    def can_visit(self, s, d):
        """Clean on date d: active, opted in, trained before d, training current
        with two weeks to spare, and below the yearly load."""
        if s["active"] != "yes" or s["opted_in"] != "yes":
            return False
        intro = self.intro_date(s["staff_id"])
        if intro is None or intro >= d:
            return False
        latest = self.latest_training(s["staff_id"], d - dt.timedelta(1))
        if add_months(latest, REFRESHER_MONTHS) - dt.timedelta(14) < d:
            return False
        return self.load.get(s["staff_id"], 0) < 48

    def free(self, sid, d, start, end):
        for bd, bs, be in self.busy.get(sid, []):
            if bd == d and start < be + 30 and bs < end + 30:
                return False
        return True

    def book(self, sid, d, start, end, rows):
        self.busy.setdefault(sid, []).append((d, start, end))
        self.load[sid] = self.load.get(sid, 0) + rows

    # -------------------------------------------------------------- students
    def make_students(self):
        r = self.rng
        students = []
        for site_id, _, level, _, _, homerooms, langs in SITES:
            teachers = [s for s in self.by_site(site_id) if s["homeroom"]]
            assert len(teachers) == len(homerooms)
            lang_keys = list(langs)
            for t, (grade, size) in zip(teachers, homerooms):
                t["grade"] = grade
                for _ in range(size):
                    lang = r.choices(lang_keys, [langs[k] for k in lang_keys])[0]
                    first, surname = self.name(lang)
                    students.append({"site_id": site_id, "grade": grade,
                                     "homeroom_id": t["staff_id"],
                                     "name": "%s %s" % (first, surname), "first": first,
                                     "surname": surname, "language": lang})
        r.shuffle(students)
        for i, st in enumerate(students, 1):
            st["student_id"] = "ST%04d" % i
            st["family_id"] = ""
        # Siblings: same school or a feeder pair (elementary -> middle -> high).
        fam = 0
        unlinked = list(students)
        by_site = {}
        for st in students:
            by_site.setdefault(st["site_id"], []).append(st)
        for _ in range(135):
            a = r.choice(unlinked)
            n_sib = 2 if r.random() < 0.88 else 3
            group = [a]
            for _ in range(n_sib - 1):
                site = a["site_id"] if r.random() < 0.55 or a["site_id"] not in FEEDS \
                    else r.choice(FEEDS[a["site_id"]])
                cands = [b for b in by_site[site] if not b["family_id"] and b not in group
                         and b["grade"] not in [g["grade"] for g in group]]
                if cands:
                    group.append(r.choice(cands))
            if len(group) < 2:
                continue
            fam += 1
            for b in group:
                b["family_id"] = "F%04d" % fam
                if b is not a:
                    b["language"] = a["language"]
                    b["name"] = "%s %s" % (b["first"], a["surname"])
                    b["surname"] = a["surname"]
                if b in unlinked:
                    unlinked.remove(b)
        for st in students:
            if not st["family_id"]:
                fam += 1
                st["family_id"] = "F%04d" % fam
        # Renumber families in student-id order so the ids read naturally.
        renum = {}
        for st in students:
            renum.setdefault(st["family_id"], "F%04d" % (len(renum) + 1))
            st["family_id"] = renum[st["family_id"]]
        # Concern flags (kept at realistic rates; used only by the targeting check).
        for st in students:
            sec = st["site_id"] in ("S04", "S05")
            st["flag_attendance"] = "yes" if r.random() < (0.17 if sec else 0.12) else "no"
            st["flag_behavior"] = "yes" if r.random() < (0.14 if sec else 0.08) else "no"
            st["flag_academic"] = "yes" if r.random() < 0.18 else "no"
        self.students = students
        self.student_by_id = {s["student_id"]: s for s in students}

    def add_subgroups(self):
        """Made-up subgroup columns (reports.subgroups) at plausible rates,
        drawn from their own generator so that every other file stays as it
        was: English learners mostly among students whose home language is
        not English, students with an IEP, free or reduced-price lunch, race
        and ethnicity (a few left empty: unknown)."""
        r = random.Random(SEED + 101)
        races = {"es": ([("hispanic", 0.93), ("white", 0.04), ("multiracial", 0.03)]),
                 "vi": [("asian", 0.97), ("multiracial", 0.03)],
                 "zh": [("asian", 0.97), ("multiracial", 0.03)],
                 "hmn": [("asian", 1.0)], "tl": [("asian", 1.0)],
                 "ar": [("white", 0.9), ("black", 0.1)], "uk": [("white", 1.0)],
                 "pa": [("asian", 1.0)],
                 "en": [("white", 0.52), ("black", 0.2), ("hispanic", 0.14), ("multiracial", 0.1),
                        ("asian", 0.04)]}
        for st in self.students:
            lang = st["language"]
            st["ell"] = "yes" if r.random() < (0.62 if lang != "en" else 0.01) else "no"
            st["iep"] = "yes" if r.random() < 0.13 else "no"
            st["frl"] = "yes" if r.random() < (0.7 if lang != "en" else 0.38) else "no"
            choices = races.get(lang, [("white", 1.0)])
            race = r.choices([c[0] for c in choices], [c[1] for c in choices])[0]
            st["race_ethnicity"] = "" if r.random() < 0.02 else race

    # ------------------------------------------------------------ visit units
    def make_units(self):
        """A unit is the students of one family at one school: siblings are
        visited together, one row each."""
        units = {}
        for st in self.students:
            units.setdefault((st["family_id"], st["site_id"]), []).append(st)
        self.units = [units[k] for k in sorted(units)]

    def plant_homeroom(self):
        """Pick the homeroom where only the chronic-absence list was visited."""
        r = self.rng
        t = [s for s in self.by_site("S02") if s.get("grade") == "3"][0]
        members = sorted([st for st in self.students if st["homeroom_id"] == t["staff_id"]],
                         key=lambda s: s["student_id"])
        unit_of = {st["student_id"]: u for u in self.units for st in u}
        singles = [st for st in members if len(unit_of[st["student_id"]]) == 1]
        six = sorted(r.sample(singles, 6), key=lambda s: s["student_id"])
        six_ids = [s["student_id"] for s in six]
        for st in members:
            st["flag_attendance"] = "yes" if st["student_id"] in six_ids else "no"
            st["flag_behavior"] = "no"
            st["flag_academic"] = "no"
        others = [st for st in members if st["student_id"] not in six_ids]
        six[0]["flag_behavior"] = "yes"
        six[1]["flag_academic"] = "yes"
        for st in r.sample(others, 2):
            st["flag_behavior"] = "yes"
        for st in r.sample(others, 3):
            st["flag_academic"] = "yes"
        self.planted_homeroom = t["staff_id"]
        self.planted_six = six_ids
        self.planted_members = [st["student_id"] for st in members]

    def choose_visited(self):
        """Per school, a random cross-section of families to visit. Redrawn
        while any class (other than the planted one) shows a lopsided sample,
        so that only the planted class is flagged."""
        r = self.rng
        rate = {"S01": 0.56, "S02": 0.55, "S03": 0.52, "S04": 0.40, "S05": 0.31}
        planted_others = set(self.planted_members) - set(self.planted_six)
        self.visited_units = []
        for site_id in ACTIVE_SITE_IDS:
            units = [u for u in self.units if u[0]["site_id"] == site_id]
            for _ in range(200):
                chosen = []
                for u in units:
                    ids = [st["student_id"] for st in u]
                    if any(i in planted_others for i in ids):
                        continue
                    if any(i in self.planted_six for i in ids):
                        chosen.append(u)
                    elif r.random() < rate[site_id]:
                        chosen.append(u)
                visited = {st["student_id"] for u in chosen for st in u}
                if min_homeroom_p(self.students, visited, site_id,
                                  skip=self.planted_homeroom) >= 0.05:
                    break
            else:
                raise SystemExit("could not draw a balanced sample for " + site_id)
            self.visited_units += chosen
        chosen_keys = {id(u) for u in self.visited_units}
        rest = [u for u in self.units if id(u) not in chosen_keys
                and not any(st["student_id"] in planted_others for st in u)]
        r.shuffle(rest)
        self.declined_units = rest[:22]
        self.future_first_units = rest[22:36]
        self.cancel_only_units = rest[36:40]

    # ------------------------------------------------------------------ times
    def pick_time(self, d, mode):
        r = self.rng
        if is_school_day(d):
            start = r.choice(range(15 * 60 + 45, 19 * 60 + 1, 15))
        elif d < FIRST_DAY or d > LAST_DAY:
            start = r.choice(range(9 * 60, 18 * 60 + 1, 30))
        else:  # weekend or holiday
            start = r.choice(range(9 * 60 + 30, 16 * 60 + 31, 30))
        if mode == "virtual" and r.random() < 0.5 and is_school_day(d):
            start = r.choice(range(18 * 60, 19 * 60 + 31, 15))
        minutes = r.choice([20, 25, 30, 30, 35, 40, 40, 45, 45, 45, 50, 55, 60,
                            60, 60, 75, 90])
        return start, minutes

    def pick_date(self, lo, hi, weekend_share=0.25):
        r = self.rng
        pool = [d for d in days(lo, hi) if not is_holiday(d) and d != D(2025, 7, 4)]
        sats = [d for d in pool if d.weekday() == 5]
        suns = [d for d in pool if d.weekday() == 6]
        wk = [d for d in pool if d.weekday() < 5]
        x = r.random()
        if x < weekend_share * 0.75 and sats:
            return r.choice(sats)
        if x < weekend_share and suns:
            return r.choice(suns)
        return r.choice(wk)

    def pick_pair(self, unit, d, start, end):
        r = self.rng
        site = unit[0]["site_id"]
        cands = [s for s in self.by_site(site) if self.can_visit(s, d)
                 and self.free(s["staff_id"], d, start, end)]
        cands.sort(key=lambda s: s["staff_id"])
        if len(cands) < 2:
            return None
        hr = [s for s in cands if s["staff_id"] in [st["homeroom_id"] for st in unit]]
        own = 0.7 if site in ("S01", "S02", "S03") else 0.4
        if hr and r.random() < own:
            a = r.choice(hr)
        else:
            # lighter-loaded staff are asked first
            cands2 = sorted(cands, key=lambda s: (self.load.get(s["staff_id"], 0), s["staff_id"]))
            a = r.choice(cands2[: max(4, len(cands2) // 2)])
        partners = [s for s in cands if s is not a]
        partners.sort(key=lambda s: (self.load.get(s["staff_id"], 0), s["staff_id"]))
        b = r.choice(partners[: max(3, len(partners) // 2)])
        return sorted([a["staff_id"], b["staff_id"]])

    # ----------------------------------------------------------------- visits
    def visit_id(self, d, sid):
        base = "V%s-%s" % (d.strftime("%Y%m%d"), sid)
        taken = self.taken_ids
        vid, n = base, 1
        while vid in taken:
            n += 1
            vid = "%s-%d" % (base, n)
        taken.add(vid)
        return vid

    def add_event(self, unit, d, status, start=None, minutes=None, educators=(),
                  arranged=None, focus="", mode="", reflected=None, language="",
                  notes=""):
        rows = []
        for st in unit:
            row = {"visit_id": self.visit_id(d, st["student_id"]),
                   "student_id": st["student_id"], "site_id": st["site_id"],
                   "date": d.isoformat(),
                   "start_time": hhmm(start) if start is not None else "",
                   "minutes": str(minutes) if minutes else "",
                   "educators": ";".join(educators), "status": status,
                   "arranged_on": arranged.isoformat() if arranged else "",
                   "focus": focus, "mode": mode,
                   "reflected_on": reflected.isoformat() if reflected else "",
                   "language": language, "notes": notes}
            self.visits.append(row)
            rows.append(row)
        return rows

    def visit_language(self, unit):
        lang = unit[0]["language"]
        if lang in ("en", "es", "vi"):
            return lang
        return lang if self.rng.random() < 0.6 else "en"

    def pick_mode(self):
        return self.rng.choices(["home", "community", "virtual"], [76, 13, 11])[0]

    def try_event(self, unit, lo, hi, weekend_share=0.25):
        """Find a date in [lo, hi], a time and a free, eligible pair; book it."""
        if lo > hi:
            return None
        for _ in range(40):
            d = self.pick_date(lo, hi, weekend_share)
            mode = self.pick_mode()
            start, minutes = self.pick_time(d, mode)
            pair = self.pick_pair(unit, d, start, start + minutes)
            if pair:
                for sid in pair:
                    self.book(sid, d, start, start + minutes, len(unit))
                return d, start, minutes, pair, mode
        return None

    def make_visits(self):
        r = self.rng
        self.taken_ids = set()
        self.history = {}      # id(unit) -> list of completed (date, ...) events
        units = list(self.visited_units)
        r.shuffle(units)
        summer = (D(2025, 7, 10), D(2025, 8, 19))
        fall = (D(2025, 8, 25), D(2025, 11, 21))
        early_winter = (D(2025, 12, 1), D(2025, 12, 19))
        late = (D(2026, 1, 5), D(2026, 3, 13))
        secondary = {"S04", "S05"}
        for u in units:
            site = u[0]["site_id"]
            x = r.random()
            if site in secondary:   # fewer summer visits at the secondary schools
                phase = summer if x < 0.15 else fall if x < 0.75 else \
                    early_winter if x < 0.83 else late
            else:
                phase = summer if x < 0.35 else fall if x < 0.88 else \
                    early_winter if x < 0.93 else late
            ev = self.try_event(u, *phase, weekend_share=0.3)
            if ev is None:
                continue
            events = [ev]
            # Second visit in winter/spring for about half, a third for a few.
            p2 = 0.55 if site not in secondary else 0.38
            if r.random() < p2:
                lo = max(D(2026, 1, 5), ev[0] + dt.timedelta(35))
                ev2 = self.try_event(u, lo, AS_OF)
                if ev2:
                    events.append(ev2)
                    if r.random() < 0.14:
                        lo = max(D(2026, 3, 2), ev2[0] + dt.timedelta(28))
                        ev3 = self.try_event(u, lo, AS_OF)
                        if ev3:
                            events.append(ev3)
            self.history[id(u)] = events
        # Write completed events in order, with focus, arranged_on, reflection.
        for u in units:
            for i, (d, start, minutes, pair, mode) in enumerate(self.history.get(id(u), [])):
                focus = "hopes_and_dreams" if i == 0 else \
                    r.choices(["hopes_and_dreams", "academics", "other"], [45, 40, 15])[0]
                arranged = d - dt.timedelta(r.choice([2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 12, 14]))
                refl = d + dt.timedelta(r.choice([0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 5]))
                refl = min(refl, AS_OF)
                self.add_event(u, d, "completed", start, minutes, pair, arranged, focus,
                               mode, refl, self.visit_language(u), self.pick_note())
        self.completed_units = [u for u in units if self.history.get(id(u))]

    def pick_note(self):
        r = self.rng
        if r.random() > 0.03:
            return ""
        return r.choice([
            "Met at the public library, family's choice",
            "Grandmother joined the visit",
            "Brought a picture book for the younger sibling",
            "Interpreter joined by phone",
            "Family asked about the after-school program",
            "Mom and dad both joined; dad on a video call",
            "Visited at the park next to the apartments",
            "Family shared photos from their trip",
        ])

    def make_other_statuses(self):
        """Declines, cancellations, no-shows and the visits still ahead."""
        r = self.rng
        # Declines: the family said no when the pair called in the fall.
        for u in self.declined_units:
            for _ in range(20):
                d = self.pick_date(D(2025, 8, 11), D(2025, 10, 31), 0)
                cands = [s for s in self.by_site(u[0]["site_id"]) if self.can_visit(s, d)]
                if len(cands) >= 2:
                    pair = sorted(s["staff_id"] for s in r.sample(cands, 2))
                    self.add_event(u, d, "declined", educators=pair,
                                   language=self.visit_language(u))
                    break
        # Cancelled or no-show before a completed visit that then happened.
        done = [u for u in self.completed_units]
        r.shuffle(done)
        n_cancel = n_noshow = 0
        for u in done:
            if n_cancel >= 9 and n_noshow >= 7:
                break
            d, start, minutes, pair, mode = self.history[id(u)][0]
            status = "cancelled" if n_cancel < 9 else "no_show"
            d0 = d - dt.timedelta(r.randint(3, 10))
            if d0 < D(2025, 7, 8) or is_holiday(d0):
                continue
            s0, m0 = self.pick_time(d0, mode)
            if not all(self.can_visit(self.staff_by_id[sid], d0)
                       and self.free(sid, d0, s0, s0 + 45) for sid in pair):
                continue
            for sid in pair:
                self.book(sid, d0, s0, s0 + 45, len(u))
            arranged = d0 - dt.timedelta(r.randint(2, 7))
            note = ""
            if status == "cancelled":
                note = r.choice(["Family rescheduled", "Student was sick", "",
                                 "Work schedule changed, rescheduled"])
            self.add_event(u, d0, status, s0, None, pair, arranged, "hopes_and_dreams",
                           mode, None, self.visit_language(u), note)
            # the completed visit was arranged again after the first attempt
            for row in self.visits:
                if row["student_id"] in [st["student_id"] for st in u] \
                        and row["date"] == d.isoformat() and row["status"] == "completed":
                    a = max(D.fromisoformat(row["arranged_on"]), d0)
                    if (d - a).days < 2:
                        a = d - dt.timedelta(2)
                    row["arranged_on"] = a.isoformat()
            if status == "cancelled":
                n_cancel += 1
            else:
                n_noshow += 1
        # Cancelled and not rebooked (the family moved away, or went quiet).
        for u in self.cancel_only_units:
            ev = self.try_event(u, D(2025, 9, 8), D(2026, 4, 24))
            if ev:
                d, start, minutes, pair, mode = ev
                self.add_event(u, d, "cancelled", start, None, pair,
                               d - dt.timedelta(r.randint(3, 9)), "hopes_and_dreams", mode,
                               None, self.visit_language(u), "")
        # Ahead of the snapshot: end-of-year visits already arranged.
        future = (D(2026, 5, 18), D(2026, 6, 12))
        for u in self.future_first_units:
            self.future_event(u, future, "hopes_and_dreams")
        cands = [u for u in self.completed_units if len(self.history[id(u)]) < 3]
        for u in r.sample(cands, 45):
            self.future_event(u, future, r.choice(["hopes_and_dreams", "academics", "other"]))

    def future_event(self, unit, window, focus):
        r = self.rng
        ev = self.try_event(unit, *window)
        if ev is None:
            return
        d, start, minutes, pair, mode = ev
        arranged = min(d - dt.timedelta(r.randint(3, 14)), AS_OF - dt.timedelta(r.randint(0, 5)))
        self.add_event(unit, d, "scheduled", start, None, pair, arranged, focus, mode,
                       None, self.visit_language(unit), "")

    # ------------------------------------------------------------- planting
    def completed_single_rows(self, site=None, lo=YEAR_START, hi=AS_OF, first=None):
        """Completed rows of one-student visits, optionally first visits only."""
        counts = {}
        for v in self.visits:
            counts[(v["date"], v["start_time"], v["educators"])] = \
                counts.get((v["date"], v["start_time"], v["educators"]), 0) + 1
        firsts = first_visit_ids(self.visits)
        out = []
        for v in self.visits:
            if v["status"] != "completed" or v["notes"]:
                continue
            if counts[(v["date"], v["start_time"], v["educators"])] != 1:
                continue
            if site and v["site_id"] != site:
                continue
            if not lo <= D.fromisoformat(v["date"]) <= hi:
                continue
            if first is not None and (v["visit_id"] in firsts) != first:
                continue
            if v["student_id"] in self.planted_students:
                continue
            out.append(v)
        return out

    def plant(self, rule, row, why):
        self.planted_students.add(row["student_id"])
        self.plants.append((rule, "visits.csv", row["visit_id"], why))

    def swap_educator(self, row, new_sid):
        """Replace one educator of a one-student visit by new_sid (if free)."""
        d = D.fromisoformat(row["date"])
        start = parse_hhmm(row["start_time"])
        end = start + int(row["minutes"])
        if not self.free(new_sid, d, start, end):
            return False
        eds = row["educators"].split(";")
        keep = eds[0]
        row["educators"] = ";".join(sorted([keep, new_sid]))
        self.book(new_sid, d, start, end, 1)
        return True

    def make_plants(self):
        r = self.rng
        self.planted_students = set(self.planted_six)

        # CP5-pair: one educator went alone when the partner was out sick.
        row = r.choice(self.completed_single_rows(lo=D(2026, 2, 1), first=False))
        row["educators"] = row["educators"].split(";")[0]
        row["notes"] = "Partner out sick; went alone"
        self.plant("CP5-pair", row, "one educator only (%s)" % row["educators"])

        # CP2-trained: a new staff member went along before the October intro.
        s = sorted(self.oct_trainees, key=lambda s: s["staff_id"])
        for t in s:
            rows = self.completed_single_rows(site=t["site_id"], lo=D(2025, 9, 8),
                                              hi=D(2025, 10, 3))
            r.shuffle(rows)
            hit = next((x for x in rows if t["staff_id"] not in x["educators"]
                        and self.swap_educator(x, t["staff_id"])), None)
            if hit:
                self.plant("CP2-trained", hit, "%s went before their intro training on 2025-10-08"
                           % t["staff_id"])
                self.untrained_staff = t["staff_id"]
                break
        else:
            raise SystemExit("no CP2-trained plant")

        # CP3-first-focus: a student's first (and only) visit was about academics.
        only = {}
        for v in self.visits:
            if v["status"] == "completed":
                only[v["student_id"]] = only.get(v["student_id"], 0) + 1
        rows = [x for x in self.completed_single_rows(lo=D(2025, 9, 1), hi=D(2025, 11, 21),
                                                      first=True)
                if only[x["student_id"]] == 1]
        row = r.choice(rows)
        row["focus"] = "academics"
        self.plant("CP3-first-focus", row, "the student's first visit of the year, focus academics")

        # CP1-arranged: arranged the same day (a family met at pick-up).
        row = r.choice(self.completed_single_rows(lo=D(2026, 1, 5), first=False))
        row["arranged_on"] = row["date"]
        self.plant("CP1-arranged", row, "arranged_on is the visit date itself")

        # CP5-reflection: the pair reflected 12 days later.
        row = r.choice(self.completed_single_rows(lo=D(2025, 10, 1), hi=D(2025, 11, 14)))
        row["reflected_on"] = (D.fromisoformat(row["date"]) + dt.timedelta(12)).isoformat()
        self.plant("CP5-reflection", row, "reflected_on 12 days after the visit")

        # CP1-opted-in: an opted-out (but trained) staff member covered a visit.
        for t in sorted(self.trained_opted_out, key=lambda s: s["staff_id"]):
            intro = self.intro_date(t["staff_id"])
            rows = self.completed_single_rows(site=t["site_id"], lo=max(intro + dt.timedelta(7),
                                              D(2025, 10, 1)), hi=D(2026, 3, 27))
            r.shuffle(rows)
            hit = next((x for x in rows if self.swap_educator(x, t["staff_id"])), None)
            if hit:
                self.plant("CP1-opted-in", hit, "%s has opted_in no" % t["staff_id"])
                self.opted_out_staff = t["staff_id"]
                break
        else:
            raise SystemExit("no CP1-opted-in plant")

        # CP2-compensation: a school-day visit at 15:00 for 45 minutes.
        rows = [x for x in self.completed_single_rows(lo=D(2026, 2, 2), hi=D(2026, 3, 27))
                if is_school_day(D.fromisoformat(x["date"]))]
        r.shuffle(rows)
        for row in rows:
            d = D.fromisoformat(row["date"])
            eds = row["educators"].split(";")
            old = parse_hhmm(row["start_time"])
            self.busy_remove(eds, d, old)
            if all(self.free(sid, d, 15 * 60, 15 * 60 + 45) for sid in eds):
                row["start_time"], row["minutes"] = "15:00", "45"
                for sid in eds:
                    self.busy.setdefault(sid, []).append((d, 15 * 60, 15 * 60 + 45))
                self.plant("CP2-compensation", row,
                           "school day, 15:00-15:45 overlaps the school day (ends 15:30)")
                break
            for sid in eds:
                self.busy.setdefault(sid, []).append((d, old, old + int(row["minutes"])))
        else:
            raise SystemExit("no CP2-compensation plant")

        # CP2-refresher: two pilot-year staff, never refreshed, still visited.
        for t, lo in zip(self.refresher_expired, (D(2025, 9, 15), D(2026, 2, 2))):
            latest = self.latest_training(t["staff_id"], AS_OF)
            lo = max(lo, add_months(latest, REFRESHER_MONTHS) + dt.timedelta(30))
            rows = self.completed_single_rows(site=t["site_id"], lo=lo, hi=AS_OF)
            r.shuffle(rows)
            hit = next((x for x in rows if t["staff_id"] not in x["educators"]
                        and self.swap_educator(x, t["staff_id"])), None)
            if not hit:
                raise SystemExit("no CP2-refresher plant for " + t["staff_id"])
            self.plant("CP2-refresher", hit, "%s's latest training is %s, more than 24 months"
                       " before the visit" % (t["staff_id"], latest.isoformat()))

        # CP4-targeting: the planted class (a single finding, no record row).
        self.plants.append(("CP4-targeting", "students.csv", self.planted_homeroom,
                            "homeroom %s: only its 6 students flagged for attendance were visited"
                            % self.planted_homeroom))

        # The -2 suffix: a family moved a visit from 16:00 to the evening, same day.
        rows = [x for x in self.completed_single_rows(lo=D(2026, 1, 12), first=False)
                if is_school_day(D.fromisoformat(x["date"])) and x["start_time"] >= "18:00"]
        r.shuffle(rows)
        for row in rows:
            d = D.fromisoformat(row["date"])
            eds = row["educators"].split(";")
            if all(self.free(sid, d, 16 * 60, 16 * 60 + 45) for sid in eds):
                for sid in eds:
                    self.book(sid, d, 16 * 60, 16 * 60 + 45, 1)
                st = self.student_by_id[row["student_id"]]
                self.visits.remove(row)
                self.taken_ids.discard(row["visit_id"])
                self.add_event([st], d, "cancelled", 16 * 60, None, eds,
                               D.fromisoformat(row["arranged_on"]), row["focus"], row["mode"],
                               None, row["language"], "Moved to the evening, same day")
                row["visit_id"] = self.visit_id(d, row["student_id"])
                self.visits.append(row)
                self.same_day_pair = (self.visits[-2]["visit_id"], row["visit_id"])
                break

    def busy_remove(self, eds, d, start):
        for sid in eds:
            self.busy[sid] = [b for b in self.busy[sid] if not (b[0] == d and b[1] == start)]

    # ---------------------------------------------------------------- output
    def write(self):
        def write_csv(name, header, rows):
            with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
                w.writerow(header)
                for row in rows:
                    w.writerow([row[h] for h in header])

        def write_text(name, text):
            with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
                f.write(text)

        write_text("pthv.yaml", PTHV_YAML)
        write_text(".gitattributes", GITATTRIBUTES)
        coord = {}
        for site_id, *_ in SITES:
            trained = [s for s in self.by_site(site_id) if s["opted_in"] == "yes"
                       and s["active"] == "yes"
                       and self.intro_date(s["staff_id"]) is not None
                       and self.intro_date(s["staff_id"]) < D(2025, 9, 1)
                       and s.get("cohort") != "expired"]
            pref = [s for s in trained if s["role"] in ("counselor", "liaison")]
            coord[site_id] = (pref or trained)[0]["staff_id"]
        sites = [{"site_id": s[0], "name": s[1], "level": s[2], "status": s[3],
                  "coordinator_id": coord[s[0]], "visit_goal": str(s[4])} for s in SITES]
        sites.append({"site_id": PROSPECTIVE_SITE[0], "name": PROSPECTIVE_SITE[1],
                      "level": PROSPECTIVE_SITE[2], "status": PROSPECTIVE_SITE[3],
                      "coordinator_id": "", "visit_goal": ""})
        write_csv("sites.csv", ["site_id", "name", "level", "status", "coordinator_id",
                                "visit_goal"], sites)
        write_csv("staff.csv", ["staff_id", "name", "site_id", "role", "class", "opted_in",
                                "hourly_rate", "active", "email"], self.staff)
        self.add_subgroups()
        write_csv("students.csv", ["student_id", "site_id", "grade", "homeroom_id", "name",
                                   "family_id", "language", "flag_attendance",
                                   "flag_behavior", "flag_academic", "ell", "iep", "frl",
                                   "race_ethnicity"], self.students)
        trainings = sorted(self.trainings, key=lambda t: (t[1], t[0], t[2]))
        write_csv("trainings.csv", ["staff_id", "date", "kind", "hours", "session"],
                  [{"staff_id": t[0], "date": t[1].isoformat(), "kind": t[2],
                    "hours": t[3], "session": t[4]} for t in trainings])
        self.visits.sort(key=lambda v: (v["date"], v["start_time"], v["visit_id"]))
        write_csv("visits.csv", VISIT_COLUMNS, self.visits)
        write_csv("sessions.csv", SESSION_COLUMNS, self.sessions())
        write_csv("events.csv", EVENT_COLUMNS, self.events(coord))
        export, responses = self.family_survey()
        with open(os.path.join(HERE, "import", "family-survey.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            w.writerow(SURVEY_EXPORT_HEADER)
            w.writerows(export)
        write_csv("surveys.csv", SURVEY_COLUMNS, responses)

    def family_survey(self):
        """The spring family survey: a form's export (import/family-survey.csv)
        and the surveys.csv rows `pthv survey import` makes of it with
        import/survey-map.yaml. About two in five families reached answered;
        the form is anonymous (school only). From a generator of its own."""
        r = random.Random(SEED + 3)
        reached = {}
        stu = {s["student_id"]: s for s in self.students}
        for v in self.visits:
            if v["status"] == "completed" and D.fromisoformat(v["date"]) <= SURVEY_CLOSE:
                st = stu[v["student_id"]]
                reached.setdefault(st["site_id"], set()).add(st["family_id"])
        names = {s[0]: s[1] for s in SITES}
        days = [SURVEY_OPEN + dt.timedelta(i) for i in range((SURVEY_CLOSE - SURVEY_OPEN).days + 1)]
        days = [d for d in days if not is_holiday(d)]
        stamped = []
        for site_id in sorted(reached):
            for _ in sorted(reached[site_id]):
                if r.random() >= 0.4:
                    continue
                d = r.choice(days)
                t = dt.datetime(d.year, d.month, d.day, r.randint(7, 21), r.randint(0, 59), r.randint(0, 59))
                answers = []
                for weights in SURVEY_WEIGHTS:
                    answers.append("" if r.random() < 0.04 else r.choices([5, 4, 3, 2, 1], weights)[0])
                comment = r.choice(SURVEY_COMMENTS) if r.random() < 0.15 else ""
                stamped.append((t, site_id, answers, comment))
        stamped.sort()
        export, responses = [], []
        for t, site_id, answers, comment in stamped:
            cells = ["%d/%d/%d %d:%02d:%02d" % (t.month, t.day, t.year, t.hour, t.minute, t.second), names[site_id]]
            cells += [SURVEY_WORDS[a] if a else "" for a in answers] + [comment]
            export.append(cells)
            # pthv's id for a response the form gives none: R and 16 hex
            # digits of the HMAC-SHA256, under the survey's key, of the
            # row's cells joined by U+001F.
            digest = hmac.new(SURVEY_EXAMPLE_KEY.encode(), "\x1f".join(cells).encode(), hashlib.sha256)
            row = {"response_id": "R" + digest.hexdigest()[:16],
                   "date": t.date().isoformat(), "site_id": site_id, "student_id": ""}
            for q, a in zip(SURVEY_QUESTIONS, answers):
                row[q] = str(a)
            responses.append(row)
        return export, responses

    def sessions(self):
        rows = []
        for key, (d, kind, hours, text) in SESSIONS.items():
            sid, site, trainer, capacity, location = SESSION_ROWS[key]
            rows.append({"session_id": sid, "date": d.isoformat(), "kind": kind, "site_id": site,
                         "trainer": trainer, "capacity": str(capacity), "hours": hours, "location": location})
        for sid, d, kind, site, trainer, capacity, hours, location in PLANNED_SESSIONS:
            rows.append({"session_id": sid, "date": d.isoformat(), "kind": kind, "site_id": site,
                         "trainer": trainer, "capacity": str(capacity), "hours": hours, "location": location})
        return sorted(rows, key=lambda x: (x["date"], x["session_id"]))

    def events(self, coord):
        """The year's events, from a generator of their own (the other draws stay)."""
        r = random.Random(SEED + 2)
        plan = []
        for i, (site_id, name, *_) in enumerate(SITES):
            week = dt.timedelta(7 * i)
            plan.append((D(2025, 9, 8) + week, site_id, "site_visit",
                         "District coordinator's visit to " + name, ""))
            plan.append((D(2025, 9, 10) + week, site_id, "admin_meeting",
                         "PTHV check-in with the principal of " + name, ""))
            plan.append((D(2025, 10, 3) + week, site_id, "family_event",
                         "Back-to-school family picnic, " + name, str(r.randint(60, 200))))
            plan.append((D(2026, 3, 5) + week, site_id, "celebration",
                         "Hopes and dreams night at " + name, str(r.randint(40, 120))))
        plan.append((D(2026, 2, 9), "", "pthv_week", "PTHV week: a week of evening visits", ""))
        plan.append((D(2026, 3, 26), "", "celebration", "District celebration of the year's visits", "180"))
        rows = []
        n = {}
        for d, site_id, kind, title, attendees in sorted(plan):
            if (site_id, kind) in MISSING_EVENTS:
                continue
            n[d] = n.get(d, 0) + 1
            rows.append({"event_id": "E%s-%d" % (d.strftime("%Y%m%d"), n[d]), "date": d.isoformat(),
                         "site_id": site_id, "kind": kind, "title": title, "attendees": attendees,
                         "staff_ids": coord[site_id] if site_id and kind == "admin_meeting" else "",
                         "notes": ""})
        return rows

    def run(self):
        self.make_staff()
        self.make_trainings()
        self.make_students()
        self.make_units()
        self.plant_homeroom()
        self.choose_visited()
        self.make_visits()
        self.make_other_statuses()
        self.make_plants()
        self.add_quoting_notes()
        self.grow_visit_columns()
        self.plants.append(("session-over-capacity", "sessions.csv", "2025-07-intro-S05",
                            "30 trainings name the July intro, planned for 28 seats"))
        for site_id, kind in sorted(MISSING_EVENTS):
            self.plants.append(("event-missing", "events.csv", site_id, "no %s by %s" % (kind, EVENTS_DUE)))
        self.write()

    def grow_visit_columns(self):
        """Who interpreted, who cancelled, and the day each row was logged.

        Drawn from a generator of its own, so every earlier draw (and so the
        rest of the data) stays as it was. Visits a teacher made alone with an
        interpreter, and virtual visits by one teacher, are pairs of the
        model: the second educator of a few single-student visits is taken
        off and, for the interpreted ones, the interpreter put in."""
        r = random.Random(SEED + 1)
        events = {}
        for v in self.visits:
            events.setdefault((v["date"], v["start_time"], v["educators"]), []).append(v)
        single = [v for v in self.visits if v["status"] == "completed"
                  and len(events[(v["date"], v["start_time"], v["educators"])]) == 1
                  and v["student_id"] not in self.planted_students and not v["notes"]]
        for v in self.visits:
            v.update({"interpreter": "", "confirmed_on": "", "confirmed_by": "", "cancelled_by": ""})
        # One teacher and an interpreter: families whose language the pair
        # does not speak, most with the phone line, two with a bilingual
        # liaison of the school who is free at that hour.
        others = [v for v in single if v["language"] not in ("", "en", "es") and v["mode"] != "virtual"]
        for v in r.sample(others, 8):
            v["educators"] = v["educators"].split(";")[0]
            v["interpreter"] = OUTSIDE_INTERPRETER
        liaison_visits = 0
        for v in r.sample([v for v in single if v["language"] == "es" and v["mode"] != "virtual"], 20):
            if liaison_visits == 2:
                break
            d = D.fromisoformat(v["date"])
            start = parse_hhmm(v["start_time"])
            for s in self.by_site(v["site_id"]):
                if (s["role"] == "liaison" and s["opted_in"] == "yes" and s["active"] == "yes"
                        and s["staff_id"] not in v["educators"].split(";")
                        and self.free(s["staff_id"], d, start, start + int(v["minutes"]))):
                    v["educators"] = v["educators"].split(";")[0]
                    v["interpreter"] = s["staff_id"]
                    self.book(s["staff_id"], d, start, start + int(v["minutes"]), 1)
                    liaison_visits += 1
                    break
        # A virtual visit is a video call by one teacher.
        virtual = [v for v in single if v["mode"] == "virtual" and not v["interpreter"]]
        for v in r.sample(virtual, 12):
            v["educators"] = v["educators"].split(";")[0]
        # Who cancelled.
        for v in self.visits:
            if v["status"] == "cancelled":
                v["cancelled_by"] = r.choices(["family", "staff", "other"], [7, 2, 1])[0]
            elif v["status"] == "no_show":
                v["cancelled_by"] = "family"
        # The day each row reached the log: most within a few days, one
        # nearly two weeks late (late-entry).
        for v in self.visits:
            d = D.fromisoformat(v["date"])
            if v["status"] == "scheduled":
                logged = D.fromisoformat(v["arranged_on"])
            elif v["status"] == "completed":
                logged = d + dt.timedelta(r.choices([0, 1, 2, 3, 5], [40, 30, 15, 10, 5])[0])
            else:
                logged = d + dt.timedelta(r.choice([0, 1]))
            v["logged_on"] = min(logged, AS_OF).isoformat()
        late = r.choice([v for v in single if not v["interpreter"]
                         and D.fromisoformat(v["date"]) + dt.timedelta(12) <= AS_OF
                         and len(v["educators"].split(";")) == 2])
        late["logged_on"] = (D.fromisoformat(late["date"]) + dt.timedelta(12)).isoformat()
        self.plant("late-entry", late, "logged 12 days after the visit")

    def add_quoting_notes(self):
        """Two notes that need CSV quoting: a comma and a double quote."""
        r = self.rng
        rows = [v for v in self.visits if v["status"] == "completed" and not v["notes"]
                and v["student_id"] not in self.planted_students]
        a, b = r.sample(rows, 2)
        a["notes"] = "Mom, dad and grandma joined"
        b["notes"] = 'Student said "I want to be a vet"'


VISIT_COLUMNS = ["visit_id", "student_id", "site_id", "date", "start_time", "minutes",
                 "educators", "status", "arranged_on", "focus", "mode", "reflected_on",
                 "language", "notes", "interpreter", "confirmed_on", "confirmed_by",
                 "cancelled_by", "logged_on"]
OUTSIDE_INTERPRETER = "Language Line (phone)"
SESSION_COLUMNS = ["session_id", "date", "kind", "site_id", "trainer", "capacity", "hours", "location"]
EVENT_COLUMNS = ["event_id", "date", "site_id", "kind", "title", "attendees", "staff_ids", "notes"]
LOG_WITHIN_DAYS = 7


# --------------------------------------------------------------------------
# Targeting statistics (the CP4 check of rules.md)
# --------------------------------------------------------------------------
def hyper_upper(N, K, k, x):
    """P(X >= x) for X ~ Hypergeometric(N, K, k)."""
    total = math.comb(N, k)
    return sum(math.comb(K, i) * math.comb(N - K, k - i)
               for i in range(x, min(K, k) + 1)) / total


FLAGS = ["flag_attendance", "flag_behavior", "flag_academic"]


def homeroom_tests(students, visited, site=None):
    """(homeroom, flag, p) for each judged homeroom and flag."""
    groups = {}
    for st in students:
        if site and st["site_id"] != site:
            continue
        groups.setdefault(st["homeroom_id"], []).append(st)
    out = []
    for hr in sorted(groups):
        members = groups[hr]
        N = len(members)
        k = sum(1 for st in members if st["student_id"] in visited)
        if k / N >= TARGETING["full_coverage"] or k < TARGETING["min_visited"]:
            continue
        for flag in FLAGS:
            K = sum(1 for st in members if st[flag] == "yes")
            x = sum(1 for st in members if st[flag] == "yes" and st["student_id"] in visited)
            out.append((hr, flag, hyper_upper(N, K, k, x)))
    return out


def min_homeroom_p(students, visited, site, skip):
    ps = [p for hr, _, p in homeroom_tests(students, visited, site) if hr != skip]
    return min(ps) if ps else 1.0


def benjamini_hochberg(ps):
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    adj = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, ps[i] * m / rank)
        adj[i] = running
    return adj


def first_visit_ids(visits):
    first = {}
    for v in visits:
        if v["status"] != "completed":
            continue
        key = (v["date"], v["start_time"], v["visit_id"])
        if v["student_id"] not in first or key < first[v["student_id"]][0]:
            first[v["student_id"]] = (key, v["visit_id"])
    return {vid for _, vid in first.values()}


# --------------------------------------------------------------------------
# Self-check: re-read the files and run the rules
# --------------------------------------------------------------------------
def read_csv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        raw = f.read()
    assert "\r" not in raw, name + ": CRLF"
    rows = list(csv.DictReader(raw.splitlines()))
    return rows


def check(expected):
    sites = read_csv("sites.csv")
    staff = read_csv("staff.csv")
    students = read_csv("students.csv")
    trainings = read_csv("trainings.csv")
    visits = read_csv("visits.csv")
    sessions = read_csv("sessions.csv")
    event_rows = read_csv("events.csv")
    findings = []

    def find(rule, file, record):
        findings.append((rule, file, record))

    # integrity
    def unique(rows, key, name):
        keys = [tuple(r[k] for k in key) for r in rows]
        assert len(keys) == len(set(keys)), name + ": duplicate key"
    unique(sites, ["site_id"], "sites")
    unique(staff, ["staff_id"], "staff")
    unique(students, ["student_id"], "students")
    unique(trainings, ["staff_id", "date", "kind"], "trainings")
    unique(visits, ["visit_id"], "visits")
    site = {s["site_id"]: s for s in sites}
    st = {s["staff_id"]: s for s in staff}
    stu = {s["student_id"]: s for s in students}
    assert list(visits[0].keys()) == VISIT_COLUMNS
    for s in sites:
        assert s["level"] in ("elementary", "middle", "high", "k8", "other")
        assert s["status"] in ("active", "prospective", "inactive")
        assert not s["coordinator_id"] or s["coordinator_id"] in st
        if s["coordinator_id"]:
            c = st[s["coordinator_id"]]
            assert c["site_id"] == s["site_id"] and c["opted_in"] == "yes" and c["active"] == "yes"
    for s in staff:
        assert s["site_id"] in site and s["class"] in ("certificated", "classified")
        assert s["opted_in"] in ("yes", "no") and s["active"] in ("yes", "no")
    for s in students:
        assert s["site_id"] in site and s["homeroom_id"] in st
        hr = st[s["homeroom_id"]]
        assert hr["site_id"] == s["site_id"] and hr["role"] == "teacher" and hr["active"] == "yes"
        level = site[s["site_id"]]["level"]
        grades = {"elementary": ["TK", "K", "1", "2", "3", "4", "5"], "middle": ["6", "7", "8"],
                  "high": ["9", "10", "11", "12"]}[level]
        assert s["grade"] in grades
        for f in FLAGS:
            assert s[f] in ("yes", "no")
    for t in trainings:
        assert t["staff_id"] in st and t["kind"] in ("intro", "refresher")
        assert 2 <= float(t["hours"]) <= 6
    intro = {}
    tdates = {}
    for t in trainings:
        d = D.fromisoformat(t["date"])
        tdates.setdefault(t["staff_id"], []).append(d)
        if t["kind"] == "intro":
            intro[t["staff_id"]] = min(intro.get(t["staff_id"], d), d)
    ids_by_sd = {}
    for v in visits:
        d = D.fromisoformat(v["date"])
        base = "V%s-%s" % (d.strftime("%Y%m%d"), v["student_id"])
        assert v["visit_id"] == base or v["visit_id"].startswith(base + "-"), v["visit_id"]
        ids_by_sd.setdefault(base, []).append(v["visit_id"])
        assert v["student_id"] in stu, v
        assert v["site_id"] == stu[v["student_id"]]["site_id"]
        assert site[v["site_id"]]["status"] == "active"
        assert YEAR_START <= d <= YEAR_END
        assert v["status"] in ("scheduled", "completed", "declined", "cancelled", "no_show")
        assert "\n" not in v["notes"]
        for e in v["educators"].split(";"):
            assert e in st, v
            assert st[e]["site_id"] == v["site_id"] and st[e]["active"] == "yes"
        if v["status"] == "completed":
            assert d <= AS_OF
            assert v["start_time"] and v["minutes"] and v["focus"] and v["mode"]
            assert 20 <= int(v["minutes"]) <= 90
        elif v["status"] == "scheduled":
            assert d > AS_OF and v["arranged_on"] and D.fromisoformat(v["arranged_on"]) <= AS_OF
            assert not v["minutes"] and not v["reflected_on"]
        elif v["status"] == "declined":
            assert d <= AS_OF and not v["arranged_on"] and not v["start_time"]
        else:
            assert d <= AS_OF and not v["minutes"] and not v["reflected_on"]
        if v["status"] != "completed" and v["educators"]:
            # rows that are not (yet) visits are clean too: a proper pair, ready to go
            eds = v["educators"].split(";")
            assert len(set(eds)) == 2, v["visit_id"]
            for e in eds:
                t = [x for x in trainings if x["staff_id"] == e and D.fromisoformat(x["date"]) < d]
                assert st[e]["opted_in"] == "yes" and any(x["kind"] == "intro" for x in t), v
                latest = max(D.fromisoformat(x["date"]) for x in t)
                assert add_months(latest, REFRESHER_MONTHS) - dt.timedelta(14) >= d, v
            if v["arranged_on"]:
                assert (d - D.fromisoformat(v["arranged_on"])).days >= 2, v
        if v["focus"]:
            assert v["focus"] in ("hopes_and_dreams", "academics", "other")
        if v["mode"]:
            assert v["mode"] in ("home", "community", "virtual")
        if v["arranged_on"]:
            assert D.fromisoformat(v["arranged_on"]) <= AS_OF
        if v["reflected_on"]:
            assert D.fromisoformat(v["reflected_on"]) <= AS_OF
    for base, vids in ids_by_sd.items():
        assert sorted(vids) == sorted([base] + ["%s-%d" % (base, i) for i in range(2, len(vids) + 1)])

    # the core practices, on completed visits
    completed = [v for v in visits if v["status"] == "completed"]
    for v in completed:
        d = D.fromisoformat(v["date"])
        eds = v["educators"].split(";")
        if not v["arranged_on"] or (d - D.fromisoformat(v["arranged_on"])).days < ARRANGE_LEAD_DAYS:
            find("CP1-arranged", "visits.csv", v["visit_id"])
        elif (d - D.fromisoformat(v["arranged_on"])).days < 2:
            raise AssertionError("arranged only a day ahead: " + v["visit_id"])
        for e in eds:
            if st[e]["opted_in"] == "no":
                find("CP1-opted-in", "visits.csv", v["visit_id"])
            if e not in intro or intro[e] > d:
                find("CP2-trained", "visits.csv", v["visit_id"])
                continue
            latest = max(x for x in tdates[e] if x <= d)
            if add_months(latest, REFRESHER_MONTHS) < d:
                find("CP2-refresher", "visits.csv", v["visit_id"])
            elif add_months(latest, REFRESHER_MONTHS) - dt.timedelta(14) < d:
                raise AssertionError("refresher edge case: " + v["visit_id"])
        start = parse_hhmm(v["start_time"])
        end = start + int(v["minutes"])
        if is_school_day(d):
            if start < SCHOOL_END and end > SCHOOL_START:
                if start >= SCHOOL_START and end <= SCHOOL_END:
                    raise AssertionError("visit inside the school day: " + v["visit_id"])
                find("CP2-compensation", "visits.csv", v["visit_id"])
        people = set(eds) | ({v["interpreter"]} if v["interpreter"] else set())
        if len(people) < (1 if v["mode"] == "virtual" else 2):
            find("CP5-pair", "visits.csv", v["visit_id"])
        if v["interpreter"] in st and st[v["interpreter"]]["opted_in"] == "no":
            find("CP1-opted-in", "visits.csv", v["visit_id"])
        if v["logged_on"] and (D.fromisoformat(v["logged_on"]) - d).days > LOG_WITHIN_DAYS:
            find("late-entry", "visits.csv", v["visit_id"])
        refl = v["reflected_on"]
        if not refl or not 0 <= (D.fromisoformat(refl) - d).days <= REFLECTION_WITHIN_DAYS:
            find("CP5-reflection", "visits.csv", v["visit_id"])
    firsts = first_visit_ids(visits)
    for v in completed:
        if v["visit_id"] in firsts and v["focus"] != "hopes_and_dreams":
            find("CP3-first-focus", "visits.csv", v["visit_id"])

    # duplicate visits, siblings, educator double-booking, the cap
    seen = {}
    for v in completed:
        key = (v["student_id"], v["date"], frozenset(v["educators"].split(";")))
        assert key not in seen, "duplicate-visit " + v["visit_id"]
        seen[key] = v
    events = {}
    for v in completed:
        events.setdefault((v["date"], v["start_time"], v["educators"]), []).append(v)
    for rows in events.values():
        fams = {stu[v["student_id"]]["family_id"] for v in rows}
        assert len(fams) == 1, "one event, one family"
    slots = {}
    for (d, t, eds), rows in events.items():
        s = parse_hhmm(t)
        e = s + max(int(v["minutes"]) for v in rows)
        for x in eds.split(";"):
            slots.setdefault((x, d), []).append((s, e))
    for key, sl in slots.items():
        sl.sort()
        for (s1, e1), (s2, e2) in zip(sl, sl[1:]):
            assert s2 >= e1, "educator double-booked: %s" % (key,)
    per_staff = {}
    for v in visits:
        for e in v["educators"].split(";"):
            per_staff[e] = per_staff.get(e, 0) + 1
    assert max(per_staff.values()) <= MAX_PAID_VISITS, "over-cap"

    # CP4 targeting, whole year as of the snapshot and the mid-year period
    for hi in (AS_OF, MID_YEAR):
        visited = {v["student_id"] for v in completed if D.fromisoformat(v["date"]) <= hi}
        tests = homeroom_tests(students, visited)
        adj = benjamini_hochberg([p for _, _, p in tests])
        flagged = sorted({hr for (hr, _, _), a in zip(tests, adj) if a < TARGETING["alpha"]})
        if hi == AS_OF:
            for hr in flagged:
                find("CP4-targeting", "students.csv", hr)
            sig = [(hr, f, p, a) for (hr, f, p), a in zip(tests, adj) if a < 0.5]
            print("  targeting tests: %d; adjusted p < 0.5: %s" % (len(tests), [
                (hr, f, "%.2g" % p, "%.2g" % a) for hr, f, p, a in sig]))
        else:
            assert len(flagged) <= 1, flagged

    # training sessions: each training names its session, on its date and kind
    ses = {x["session_id"]: x for x in sessions}
    attended = {}
    for t in trainings:
        x = ses[t["session"]]
        assert (x["date"], x["kind"]) == (t["date"], t["kind"]), t
        attended[t["session"]] = attended.get(t["session"], 0) + 1
    for x in sessions:
        if x["capacity"] and attended.get(x["session_id"], 0) > int(x["capacity"]):
            find("session-over-capacity", "sessions.csv", x["session_id"])
    # events: from events.due, each active site and the district held each listed kind
    if AS_OF >= EVENTS_DUE:
        held = {(e["site_id"], e["kind"]) for e in event_rows if YEAR_START <= D.fromisoformat(e["date"]) <= YEAR_END}
        for x in sites:
            if x["status"] == "active":
                for kind in ("site_visit", "admin_meeting", "celebration"):
                    if (x["site_id"], kind) not in held:
                        find("event-missing", "events.csv", x["site_id"])
        if ("", "celebration") not in held:
            find("event-missing", "events.csv", "district")

    got = sorted(findings)
    want = sorted((rule, file, record) for rule, file, record, _ in expected)
    assert got == want, "findings differ:\n got  %s\n want %s" % (got, want)
    return sites, staff, students, trainings, visits


def summary(sites, staff, students, trainings, visits, plants):
    print("rows: sites %d, staff %d, students %d, trainings %d, visits %d" % (
        len(sites), len(staff), len(students), len(trainings), len(visits)))
    by_status = {}
    for v in visits:
        by_status[v["status"]] = by_status.get(v["status"], 0) + 1
    print("visits by status:", dict(sorted(by_status.items())))
    line = {v["visit_id"]: i for i, v in enumerate(visits, 2)}
    print("planted findings:")
    for rule, file, record, why in plants:
        print("  %-17s %-13s line %-5s %-20s %s" % (rule, file, line.get(record, 0), record, why))
    # spend estimate per source (events pay each educator once)
    staff_by = {s["staff_id"]: s for s in staff}
    events = {}
    for v in visits:
        if v["status"] == "completed":
            k = (v["date"], v["start_time"], v["educators"])
            events[k] = max(events.get(k, 0), int(v["minutes"]))
    spend = {"title-1": 0.0, "state-grant": 0.0, "district": 0.0}

    def source_of(site, date):
        # pthv.yaml's funding, in order: sites and period
        if site in ("S01", "S02") and "2025-10-01" <= date <= "2026-09-30":
            return "title-1"
        if site in ("S03", "S04") and date <= "2026-03-31":
            return "state-grant"
        return "district"
    site_of = {}
    for v in visits:
        site_of[(v["date"], v["start_time"], v["educators"])] = v["site_id"]
    for k, minutes in events.items():
        src = source_of(site_of[k], k[0])
        for e in k[2].split(";"):
            s = staff_by[e]
            if s["class"] == "certificated":
                spend[src] += 50
            else:
                spend[src] += float(s["hourly_rate"] or 28) * max(minutes, 60) / 60
    for t in trainings:
        s = staff_by[t["staff_id"]]
        if t["date"] >= "2025-07-01":
            src = source_of(s["site_id"], t["date"])
            spend[src] += float(t["hours"]) * (40 if s["class"] == "certificated" else 28)
    print("spend to date (estimate):", {k: round(v, 2) for k, v in spend.items()})


def main():
    g = Gen()
    g.run()
    tables = check(g.plants)
    summary(*tables, g.plants)
    if hasattr(g, "same_day_pair"):
        print("same-day pair (-2 suffix):", g.same_day_pair)


if __name__ == "__main__":
    main()

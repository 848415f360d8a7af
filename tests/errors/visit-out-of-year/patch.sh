# The scheduled visit is dated after the school year ends (2027-06-30).
sed -i '4s/,2026-10-15,/,2027-07-15,/' visits.csv

# There is no September 31.
sed -i '2s/,2026-09-14,16:30,/,2026-09-31,16:30,/' visits.csv

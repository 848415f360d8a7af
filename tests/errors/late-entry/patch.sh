# visits.csv gains logged_on; the first visit was logged 12 days after it
# took place (log_within_days is 7), the second within the week.
sed -i '1s/$/,logged_on/; 2s/$/,2026-09-26/; 3s/$/,2026-09-21/; 4s/$/,2026-10-01/' visits.csv

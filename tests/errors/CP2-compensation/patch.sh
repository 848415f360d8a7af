# A Monday visit 15:00-15:45 overlaps the end of the school day (15:30).
sed -i '2s/,16:30,45,/,15:00,45,/' visits.csv

# A visit at Harbor View K-8, which is only prospective.
sed -i '4s/,ST03,S01,/,ST03,S02,/' visits.csv

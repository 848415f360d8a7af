# T20 is not on the roster (a typo for T02).
sed -i '2s/T01;T02/T01;T20/' visits.csv

# T01 went alone.
sed -i '2s/T01;T02/T01/' visits.csv

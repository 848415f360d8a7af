# ST01's first visit of the year is about academics.
sed -i '2s/,hopes_and_dreams,/,academics,/' visits.csv

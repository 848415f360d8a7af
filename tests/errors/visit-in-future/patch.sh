# The visit of 2026-10-15 is logged as completed on 2026-10-01.
sed -i '4s/,scheduled,2026-10-01,hopes_and_dreams,home,,,$/,completed,2026-10-01,hopes_and_dreams,home,2026-10-16,,/' visits.csv

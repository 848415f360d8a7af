# T03's only training is more than 24 months before the visit.
sed -i 's/^T03,2026-08-10,/T03,2024-08-01,/' trainings.csv
sed -i '2s/T01;T02/T01;T03/' visits.csv

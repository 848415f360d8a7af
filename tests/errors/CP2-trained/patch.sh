# T03 visited ST01 on 2026-09-14, before their intro training.
sed -i 's/^T03,2026-08-10,/T03,2026-09-20,/' trainings.csv
sed -i '2s/T01;T02/T01;T03/' visits.csv

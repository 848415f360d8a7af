# A cap of one paid visit, and T01 makes a second.
sed -i 's/max_paid_visits_per_staff: 60/max_paid_visits_per_staff: 1/' pthv.yaml
echo "V20260921-ST03,ST03,S01,2026-09-21,16:30,45,T01;T03,completed,2026-09-10,hopes_and_dreams,home,2026-09-22,," >> visits.csv

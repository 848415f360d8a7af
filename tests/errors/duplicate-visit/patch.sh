# ST01's visit of 2026-09-14 is logged again under another id and time.
echo "V20260914-ST01-2,ST01,S01,2026-09-14,18:00,45,T02;T01,completed,2026-09-08,hopes_and_dreams,home,2026-09-15,es," >> visits.csv

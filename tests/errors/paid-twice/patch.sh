# September was closed; a hand-made October file pays T01's September visit again.
mkdir -p payroll
cat > payroll/2026-09.csv <<'CSV'
period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source
2026-09,T01,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district
2026-09,T02,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district
CSV
cat > payroll/2026-10.csv <<'CSV'
period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source
2026-10,T01,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district
CSV

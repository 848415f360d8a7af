# A copy of a closed ledger left beside it: it is not read (so "closed so
# far" is not doubled) and validate says so.
mkdir -p payroll
cat > payroll/2026-09.csv <<'CSV'
period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source
2026-09,T01,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district
2026-09,T02,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district
CSV
cp payroll/2026-09.csv "payroll/2026-09 (copy).csv"

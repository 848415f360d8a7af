# V20260914-ST02 was removed with log-visit --remove; a merge line by line
# brought its row back (here: the row is simply still there).
cat > removed_visits.csv <<'CSV'
visit_id,removed_on,reason
V20260914-ST02,2026-09-20,logged twice
CSV

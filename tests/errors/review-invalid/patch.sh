# A review that names no rule (a typo of CP5-pair), and one of a
# data-integrity rule, which is a mistake in the data and cannot be reviewed.
cat > reviews.csv <<'CSV'
rule,record,reviewed_on,by,note
CP5-piar,V20260914-ST01,2026-09-20,C01,second educator was on the call
duplicate-key,V20260914-ST01,2026-09-20,C01,it is fine
CSV

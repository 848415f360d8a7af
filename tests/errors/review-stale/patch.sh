# CP2-trained was reviewed for V20260914-ST01, and then the training date
# was corrected: the finding is gone, so the review covers nothing.
cat > reviews.csv <<'CSV'
rule,record,reviewed_on,by,note
CP2-trained,V20260914-ST01,2026-09-20,C01,trained the next week; principal approved
CSV

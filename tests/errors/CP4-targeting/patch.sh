# Homeroom T03 has ten students, five of them flagged for attendance, and
# exactly those five were visited.
for i in 0 1 2 3 4 5 6 7 8 9; do
    flag=no; [ "$i" -lt 5 ] && flag=yes
    echo "ST1$i,S01,5,T03,,,$flag" >> students.csv
done
for i in 0 1 2 3 4; do
    echo "V20260916-ST1$i,ST1$i,S01,2026-09-16,16:${i}0,30,T01;T02,completed,2026-09-10,hopes_and_dreams,home,2026-09-17,," >> visits.csv
done

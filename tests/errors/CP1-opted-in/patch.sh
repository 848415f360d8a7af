# T03 has not opted in, yet visited ST01 with T01.
sed -i 's/^T03,Cara Diaz,S01,liaison,classified,yes,/T03,Cara Diaz,S01,liaison,classified,no,/' staff.csv
sed -i '2s/T01;T02/T01;T03/' visits.csv

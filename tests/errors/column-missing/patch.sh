# staff.csv loses its opted_in column (the 6th).
cut -d, -f1-5,7- staff.csv > staff.new && mv staff.new staff.csv

# students.csv saved by Excel where the comma is the decimal mark: cells
# separated by ";", a byte order mark, CRLF.
sed -i 's/,/;/g; s/$/\r/; 1s/^/\xEF\xBB\xBF/' students.csv

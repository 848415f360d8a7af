# students.csv saved by Excel as plain "CSV" on Windows: Windows-1252 (é is
# the one byte 0xE9), CRLF.
sed -i '2s/,,F01/,Ren\xE9e,F01/; s/$/\r/' students.csv

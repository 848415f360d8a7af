# staff.csv saved by Excel as plain "CSV" on Windows: Windows-1252, CRLF.
# The rows of Ana López and Cara Díaz are not read, so the references to
# T01 and T03 wait (held-back) instead of being reported missing.
sed -i 's/Ana Lopez/Ana L\xF3pez/; s/Cara Diaz/Cara D\xEDaz/; s/$/\r/' staff.csv

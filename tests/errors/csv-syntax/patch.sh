# The note on line 3 opens a quote it never closes.
sed -i '3s/"Mom, dad and grandma joined"/"Mom, dad and grandma joined/' visits.csv

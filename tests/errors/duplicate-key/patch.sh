# The scheduled visit on line 4 is logged a second time with the same id.
sed -n 4p visits.csv >> visits.csv

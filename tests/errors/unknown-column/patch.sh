# sites.csv gains a column pthv does not know.
sed -i '1s/$/,region/; 2,$s/$/,/' sites.csv

# A setting that is not a whole number.
sed -i 's/refresher_months: 24/refresher_months: two years/' pthv.yaml

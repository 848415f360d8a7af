# The district's money starts in October: September's visit event is paid by no source.
sed -i 's/  - {source: district, amount: 10000.00}/  - {source: district, amount: 10000.00, period: {from: 2026-10-01, to: 2027-06-30}}/' pthv.yaml

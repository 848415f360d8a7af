# The August intro session had two seats; three trainings name it.
cat > sessions.csv <<'CSV'
session_id,date,kind,site_id,trainer,capacity,hours,location
INTRO-0810,2026-08-10,intro,S01,District PTHV trainer,2,3,Library
CSV
sed -i 's/,2026-08 intro$/,INTRO-0810/' trainings.csv

// DuckDB (npm package @duckdb/node-api) on the benchmark's repo, for
// bench/run.sh: the jobs a general engine does against pthv's load.
//
//   node bench/duckdb.mjs count REPO      completed visits per site (miller's job)
//   node bench/duckdb.mjs anti-join REPO  reads students.csv and visits.csv and lists
//                                         the visits whose student is not in students.csv
//
// Two threads, as pthv uses at most two cores here. Prints the result's row
// count.
import { DuckDBInstance } from "@duckdb/node-api";

const [job, repo] = process.argv.slice(2);
const queries = {
    count: `select site_id, count(*) from read_csv('${repo}/visits.csv', all_varchar = true)
            where status = 'completed' group by site_id`,
    "anti-join": `select v.visit_id from read_csv('${repo}/visits.csv', all_varchar = true) v
                  anti join read_csv('${repo}/students.csv', all_varchar = true) s
                  on v.student_id = s.student_id`,
};
if (!queries[job] || !repo) {
    console.error("usage: node bench/duckdb.mjs count|anti-join REPO");
    process.exit(2);
}
const db = await DuckDBInstance.create(":memory:", { threads: "2" });
const connection = await db.connect();
const reader = await connection.runAndReadAll(queries[job]);
console.log(`${reader.getRows().length} rows`);

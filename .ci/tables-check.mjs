// Reads the long tables that `coverage -tables` wrote back with DuckDB, an
// independent Parquet and CSV reader, and checks them against the records
// that `analyze` wrote for the same inputs.
//
// Usage: node tables-check.mjs RECORDS.jsonl PARQUET_DIR CSV_DIR
// (@duckdb/node-api must be resolvable, e.g. through NODE_PATH).
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const [recordsPath, pqDir, csvDir] = process.argv.slice(2);
const records = readFileSync(recordsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
let failures = 0;
function check(ok, what) {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
	if (!ok) failures++;
}
async function rows(sql) {
	const r = await con.runAndReadAll(sql);
	return r.getRowObjectsJson();
}
async function one(sql) {
	return (await rows(sql))[0];
}

const want = {
	articles: records.length,
	links: records.reduce((n, r) => n + (r.tickers ?? []).length, 0),
	claims: records.reduce((n, r) => n + (r.claims ?? []).length, 0),
};
for (const [dir, ext, read] of [[pqDir, 'parquet', 'read_parquet'], [csvDir, 'csv', 'read_csv_auto']]) {
	for (const name of ['articles', 'links', 'claims']) {
		const n = Number((await one(`SELECT count(*) AS n FROM ${read}('${dir}/${name}.${ext}')`)).n);
		check(n === want[name], `${ext} ${name}: ${n} rows, analyze wrote ${want[name]}`);
	}
	// The panel sums the links that are neither repeats nor off the calendars.
	const d = await one(`SELECT sum(articles) AS a, sum(mentions) AS m FROM ${read}('${dir}/daily.${ext}')`);
	const l = await one(`SELECT count(*) AS a, sum(mentions) AS m FROM ${read}('${dir}/links.${ext}')
		WHERE NOT repeat AND trading_day IS NOT NULL`);
	check(Number(d.a) === Number(l.a) && Number(d.m) === Number(l.m) && Number(d.a) > 0,
		`${ext} daily: ${d.a} security-days of articles, ${d.m} mentions; links on trading days ${l.a}, ${l.m}`);
}

// Types: day is a DATE, published a timestamp with time zone.
const t = await one(`SELECT typeof(day) AS day FROM read_parquet('${pqDir}/daily.parquet') LIMIT 1`);
check(t.day === 'DATE', `daily.day is ${t.day}`);
const p = await one(`SELECT typeof(published) AS p, typeof(trading_day) AS d FROM read_parquet('${pqDir}/articles.parquet') LIMIT 1`);
check(p.p === 'TIMESTAMP WITH TIME ZONE' && p.d === 'DATE', `articles.published is ${p.p}, trading_day ${p.d}`);

// Values: keys, publication instants and claim values agree with analyze.
const arts = await rows(`SELECT key, id, epoch_ms(published) AS ms, error FROM read_parquet('${pqDir}/articles.parquet')`);
const byKey = new Map(arts.map((a) => [a.key, a]));
let same = 0;
for (const r of records) {
	const a = byKey.get(r.file);
	if (!a) continue;
	const ms = r.published ? Date.parse(r.published) : null;
	if (a.id === r.id && (ms === null ? a.ms === null : Number(a.ms) === ms) && (a.error !== '') === (r.error !== '')) same++;
}
check(same === records.length, `articles: ${same} of ${records.length} rows agree with analyze on key, id, published and error`);
const claimVals = new Set(records.flatMap((r) => (r.claims ?? []).map((c) => `${r.file}\t${c.start}\t${c.value}`)));
const pqClaims = await rows(`SELECT key, start, value, value_f64 FROM read_parquet('${pqDir}/claims.parquet')`);
const matched = pqClaims.filter((c) => claimVals.has(`${c.key}\t${c.start}\t${c.value}`)
	&& Math.abs(Number(c.value) - c.value_f64) <= 1e-9 * Math.max(1, Math.abs(c.value_f64))).length;
check(matched === pqClaims.length && matched > 0, `claims: ${matched} of ${pqClaims.length} values agree with analyze, as text and float64`);

if (failures > 0) {
	console.error(`${failures} table checks failed`);
	process.exit(1);
}

// Runs @clickhouse/client with its default settings against the URL in argv[2]; prints one JSON line of results.
const { createClient } = require('@clickhouse/client');

async function main() {
  const [url, username, password] = process.argv.slice(2);
  const client = createClient({ url, username, password: password || '' });
  const out = {};
  out.ping = (await client.ping()).success;
  await client.command({ query: 'CREATE TABLE IF NOT EXISTS node_rows (id UInt32, name String) ENGINE = MergeTree ORDER BY id' });
  await client.command({ query: 'TRUNCATE TABLE node_rows' });
  await client.insert({ table: 'node_rows', values: [[1, 'one'], [2, 'two'], [3, 'three']], format: 'JSONCompactEachRow' });
  const rs = await client.query({ query: 'SELECT id, name FROM node_rows ORDER BY id', format: 'JSON' });
  out.rows = (await rs.json()).data;
  const each = await client.query({ query: 'SELECT count() AS c FROM node_rows', format: 'JSONEachRow' });
  out.count = (await each.json())[0].c;
  try {
    await client.query({ query: 'SELECT * FROM no_such_table', format: 'JSON' });
    out.error = null;
  } catch (e) {
    out.error = { code: e.code, type: e.type };
  }
  await client.close();
  console.log(JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });

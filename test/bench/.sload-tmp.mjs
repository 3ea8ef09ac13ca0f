import autocannon from 'autocannon';
import { QUERIES } from './search-queries.mjs';
const port = process.argv[2]; const which = Number(process.argv[3] ?? 0); const dur = Number(process.argv[4] ?? 10);
const paths = QUERIES[which].paths; let i = 0;
const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 10, duration: dur, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }] });
console.log(QUERIES[which].name, JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors }));

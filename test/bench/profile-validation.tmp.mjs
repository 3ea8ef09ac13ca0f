import { BENCH_ENV, freshMysqlDatabase, login, seed, startServer, stopServer, validationLoad, runBench } from './lib.mjs';
runBench(async () => {
  const target = await freshMysqlDatabase('profval', { keep: false });
  const { accounts } = seed({ DB_TYPE: 'mysql', DB_URL: target }, 'profval', ['--scale', 'province', '--cards', '20000']);
  const employer = accounts.employers[0];
  const svc = await startServer('service', ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', 'dist/main.js'], { ...BENCH_ENV, DB_TYPE: 'mysql', DB_URL: target });
  try {
    const r = await validationLoad(svc, await login(svc.base, employer.email, accounts.password), accounts, { connections: 50, duration: 10 });
    console.log(r.reqPerSec, r.p50, r.p99);
  } finally { await stopServer(svc); }
});

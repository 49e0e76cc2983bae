import type { BenchFigure, BenchSuite } from './figure';

/**
 * `npm run bench -- <suite…>`: runs each named suite (bench/<suite>.bench.ts), prints a table,
 * then one JSON object per figure per line at the end. With no name, runs every suite.
 */
const suites: Record<string, () => Promise<{ default: BenchSuite }>> = {
  jobs: () => import('./jobs.bench'),
  'routeros-sim': () => import('./routeros-sim.bench'),
  routeros: () => import('./routeros.bench'),
  live: () => import('./live.bench'),
  'live-tables': () => import('./live-tables.bench'),
  provisioning: () => import('./provisioning.bench'),
  money: () => import('./money.bench'),
  fanout: () => import('./fanout.bench'),
  render: () => import('./render.bench'),
  // Not in CI: 30 minutes by default (--minutes=N for a shorter run).
  soak: () => import('./soak.bench'),
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = names.filter((n) => !(n in suites));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench suite(s): ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ') || 'none yet'}\n`);
  process.exit(2);
}
// With no name, every suite but the soak, which runs only when asked for.
const chosen = names.length > 0 ? names : Object.keys(suites).filter((n) => n !== 'soak');
const results: Array<BenchFigure & { bench: string }> = [];
for (const name of chosen) {
  const suite = (await suites[name]!()).default;
  for (const figure of await suite()) results.push({ bench: name, ...figure });
}

const met = (f: BenchFigure) => (f.better === 'higher' ? f.value >= f.target : f.value <= f.target);
console.table(
  results.map((f) => ({
    bench: f.bench,
    metric: f.metric,
    value: Number(f.value.toFixed(2)),
    unit: f.unit,
    target: `${f.better === 'higher' ? '>=' : '<='} ${f.target}`,
    met: met(f) ? 'yes' : 'NO',
  })),
);
for (const f of results) {
  console.log(JSON.stringify({ bench: f.bench, metric: f.metric, value: Number(f.value.toFixed(3)), unit: f.unit, target: f.target, better: f.better }));
}

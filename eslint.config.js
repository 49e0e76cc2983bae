import boundaries from 'eslint-plugin-boundaries';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * The lint of `npm test`: typescript-eslint's recommended rules, and the layer rule that keeps the
 * design's boundaries (DESIGN.md "The flow", STYLE.md): the renderer and preload see only the
 * contract; the core knows no host and no Electron; workers know no host and no Electron.
 *
 * The type-checked rule set is left out: on the two-core machines it took about 3 minutes and
 * 1.7 GB (the type program is built again beside tsc), against about 20 s for this set.
 */

// Every file belongs to the first layer whose folder holds it (paths from this folder).
const layers = [
  { type: 'contract', pattern: 'main/contract' },
  { type: 'electron-shell', pattern: 'main/electron' },
  { type: 'headless-host', pattern: 'main/host' },
  { type: 'core', pattern: 'main' },
  { type: 'preload', pattern: 'preload' },
  { type: 'renderer', pattern: 'renderer' },
  { type: 'workers', pattern: 'workers' },
  // End-to-end tests and benchmarks drive the whole program from outside.
  { type: 'tooling', pattern: '{e2e,bench}' },
].map((descriptor) => ({ ...descriptor, partialMatch: false }));

// Each domain declares its part of the contract next to its code (README "How it fits together"):
// those files are contract wherever they sit.
const files = [
  { category: 'contract', pattern: ['main/contract/**', 'main/*/contract.ts', 'main/*/*-contract.ts'] },
  { category: 'test', pattern: '**/*.test.{ts,tsx}' },
];

const layer = (...types) => ({ element: { type: types.length === 1 ? types[0] : `{${types.join(',')}}` } });
const contract = { file: { categories: 'contract' } };
const electronModule = { module: { source: 'electron' } };

const layerPolicies = [
  // npm packages and Node built-ins are open to every layer, except `electron` (below).
  { allow: { to: { module: { origin: ['external', 'core'] } } } },
  {
    disallow: { to: electronModule },
    message: 'only main/electron and preload/ may import electron: the core, workers and renderer also run without it (DESIGN.md "What runs where")',
  },
  { from: layer('electron-shell', 'preload'), allow: { to: electronModule } },
  // The contract is open to every layer.
  { allow: { to: contract } },

  // The core: plain Node, no host. It starts the pool workers.
  { from: layer('core'), allow: { to: layer('core', 'workers') } },
  // Hosts wrap the core; the desktop shell reuses the headless host's CSP.
  { from: layer('headless-host'), allow: { to: layer('headless-host', 'core', 'workers') } },
  { from: layer('electron-shell'), allow: { to: layer('electron-shell', 'headless-host', 'core') } },
  // What runs in the page gets the contract (above) and its own files, nothing of main's internals.
  { from: layer('preload'), allow: { to: layer('preload') } },
  { from: layer('renderer'), allow: { to: layer('renderer') } },
  // Worker threads run jobs and router shards of the core; they never start a host.
  { from: layer('workers'), allow: { to: layer('workers', 'core') } },
  { from: layer('tooling'), allow: { to: { element: { type: '*' } } } },
  // The core's own tests may drive the headless host over a real WebSocket (house standard: real
  // parts); Electron stays out of them too.
  { from: { ...layer('core'), file: { categories: 'test' } }, allow: { to: layer('headless-host') } },

  // Last, as it overrides the core's allowance: the contract is shared with the renderer, so it
  // imports only the contract and npm packages; a core type is allowed (erased at build).
  {
    from: contract,
    disallow: { to: { element: { type: '*' } } },
    message: 'the contract is shared with the renderer: it imports only contract files and npm packages ({{dependency.source}} is neither; a core type may come with `import type`)',
  },
  { from: contract, allow: { to: contract } },
  { from: contract, dependency: { kind: 'type' }, allow: { to: layer('core') } },
  // The contract's own tests (no renderer ever imports a test) drive every invoke through the
  // headless host and seed its store, like the core's tests.
  { from: { file: { categories: { allOf: ['contract', 'test'] } } }, allow: { to: layer('core', 'headless-host') } },
];

// STYLE.md: only the IPC bridge and the preload touch Electron's raw IPC; everything else goes
// through the typed contract.
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'raw IPC lives only in main/electron/ipc-bridge.ts and preload/: add an invoke or event to the contract instead',
};

// The storage seam's two import rules (DESIGN.md "Storage seam", docs/storage-seam.md).
const coreServicesImport = {
  // The core's composition too (app-core, dispatch, its test starters): each hands out the whole set.
  group: ['**/core/services', '**/core/handlers', '**/core/app-core', '**/core/dispatch', '**/core/test-*'],
  message: 'this domain declares the services it uses (its *-services.ts) and types its handlers with contract/domain-handlers: the core passes its services, which satisfy that interface (test tooling lives in testing/, *.test.ts or *-fixture.ts)',
};
const databaseImport = {
  group: ['**/store/database', 'better-sqlite3'],
  message: 'domain code reaches storage through its repositories and a unit of work (DESIGN.md "Storage seam"); only the SQLite implementations (sqlite-*.ts and the table classes they wrap) touch the database',
};

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': layers,
      'boundaries/files': files,
      'boundaries/root-path': import.meta.dirname,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          // npm packages and imports inside one layer are skipped unless asked for: `electron` and
          // the contract files inside the core folder need both.
          checkAllOrigins: true,
          checkInternals: true,
          policies: layerPolicies,
          message: '{{from.type}} must not import {{dependency.source}} ({{to.type}}): the renderer and preload import only the contract, the core and workers no host; see the layers in eslint.config.js',
        },
      ],
      'no-restricted-imports': ['error', { paths: [rawIpc] }],
    },
  },
  {
    files: ['main/electron/ipc-bridge.ts', 'preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The storage seam (DESIGN.md). Every domain declares the few services it uses (e.g.
    // TenantServices) and types its handlers with contract/domain-handlers: none imports the core's
    // whole set, so the import graph runs downward. Only the core (which composes them), the hosts
    // above it, the listener registry and test tooling see CoreServices.
    files: ['main/**/*.ts'],
    ignores: ['main/core/**', 'main/host/**', 'main/electron/**', 'main/events/listeners.ts', '**/testing/**', '**/*.test.ts', '**/*-fixture.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc], patterns: [coreServicesImport, databaseImport] }] },
  },
  {
    // The SQLite implementations behind the stores, and what runs before or outside a store: the
    // engine's own store, the file-level backup and restore, the demo-folder check, migrations.
    files: [
      'main/**/sqlite-*.ts',
      'main/store/**',
      'main/**/migrations.ts',
      'main/audit/audit-log.ts',
      'main/auth/auth-session-store.ts',
      'main/auth/sign-in-attempts.ts',
      'main/auth/two-factor-store.ts',
      'main/routers/router-repository.ts',
      'main/tenants/tenant-repository.ts',
      'main/users/user-repository.ts',
      'main/jobs/job-engine.ts',
      'main/backup/restore.ts',
      'main/demo/demo-folder.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc], patterns: [coreServicesImport] }] },
  },
  {
    rules: {
      // `const { secret: _dropped, ...rest } = row` is how the code omits a field before it
      // leaves (masking, payload summaries); the named rest sibling is the point, not a leftover.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // The simulator keeps menus of different row types in one registry (Menu<D> is invariant in
    // D, so Menu<unknown> cannot hold them); tests match on wire JSON they just parsed. Elsewhere
    // `any` stays an error.
    files: ['main/routers/simulator/model/**', '**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

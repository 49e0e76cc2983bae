import { join } from 'node:path';
import { parseHostArgs, type HostCliOptions } from './cli-options';
import { runHeadless } from './run-headless';

// Entry of `npm run serve`: built to out/main/serve.js, next to out/renderer.
let options: HostCliOptions;
try {
  options = parseHostArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`noc-console: ${(error as Error).message}\n`);
  process.exit(2);
}
runHeadless({ ...options, rendererDir: join(import.meta.dirname, '../renderer') }).catch((error: unknown) => {
  process.stderr.write(`noc-console: could not start: ${(error as Error).message}\n`);
  process.exit(1);
});

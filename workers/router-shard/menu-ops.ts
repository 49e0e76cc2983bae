import type { RouterConnection } from '../../main/routers/client/router-connection';
import { RouterError } from '../../main/routers/client/router-error';
import type { MenuOp, MenuOpResult } from '../../main/routers/io/shard-protocol';

const wordsOf = (op: MenuOp): string[] => {
  const attrs = (a: Record<string, string>) => Object.entries(a).map(([k, v]) => `=${k}=${v}`);
  switch (op.verb) {
    case 'print':
      return [`${op.path}/print`, ...(op.proplist ? [`=.proplist=${op.proplist.join(',')}`] : []), ...(op.query ?? [])];
    case 'add':
      return [`${op.path}/add`, ...attrs(op.attrs)];
    case 'set':
      return [`${op.path}/set`, ...(op.id === undefined ? [] : [`=.id=${op.id}`]), ...attrs(op.attrs)];
    case 'remove':
      return [`${op.path}/remove`, `=.id=${op.id}`];
  }
};

/** The router's own words of a refusal (RouterError prefixes which router rejected which command). */
const routerWords = (error: RouterError): string => {
  const at = error.message.indexOf(': ');
  return at < 0 ? error.message : error.message.slice(at + 2);
};

/**
 * Sends menu commands over the router's one connection with up to `window` in flight (tagged,
 * so they pipeline instead of waiting a round trip each). A refusal (`!trap`) is that command's
 * result; a lost connection fails the whole request, and the job that sent it carries on from
 * what the router then has (desired state), so nothing is sent twice blindly.
 */
export async function runMenuOps(conn: RouterConnection, ops: readonly MenuOp[], window: number): Promise<MenuOpResult[]> {
  const results = new Array<MenuOpResult>(ops.length);
  let next = 0;
  const lane = async () => {
    while (next < ops.length) {
      const index = next++;
      const op = ops[index]!;
      try {
        const rows = await conn.call(wordsOf(op));
        const ret = op.verb === 'add' ? (rows.at(-1)?.ret ?? null) : null;
        results[index] = { ok: true, rows: op.verb === 'print' ? rows : [], ret };
      } catch (error) {
        if (!(error instanceof RouterError) || error.code !== 'trap') throw error;
        results[index] = { ok: false, message: routerWords(error), category: error.details.category ?? null };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(window, ops.length)) }, lane));
  return results;
}

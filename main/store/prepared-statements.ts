import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

type Prepare = <P extends unknown[] | object = unknown[], R = unknown>(sql: string) => Statement<P, R>;

/**
 * Statements prepared once per SQL text and kept: preparing costs tens of microseconds, which
 * repositories called thousands of times a minute (a sweep, a job per message) pay on every call.
 */
export function preparedStatements(db: Db): Prepare {
  const statements = new Map<string, Statement>();
  return ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as Prepare;
}

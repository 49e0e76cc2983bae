import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from './test-host';

describe('connection cap', () => {
  let test: TestHost;
  beforeAll(async () => {
    test = await startTestHost({ connectionCap: { total: 3, perAddress: 2 } });
  });
  afterAll(() => test.dispose());

  // Linux routes all of 127.0.0.0/8 to loopback, so each source address is another "machine".
  const from = (localAddress: string) => test.connect({}, { localAddress });

  it('closes connections over the per-address and total caps with 1013 and a reason, and admits again once one closes', async () => {
    const watcher = await from('127.0.0.1');
    const leaving = await from('127.0.0.1');
    await expect(from('127.0.0.1')).rejects.toThrow(/closed 1013: too many connections from your address \(limit 2\)/);
    await from('127.0.0.2');
    await expect(from('127.0.0.3')).rejects.toThrow(/closed 1013: the console is at its connection limit \(3\)/);

    // Wait for the host to count the leaving client out (its detach publishes the new count).
    const subscribed = await watcher.subscribe('app.status');
    const baseline = subscribed.type === 'result' && subscribed.ok ? (subscribed.data as { seq: number }).seq : -1;
    await leaving.close();
    await watcher.next((m) => m.type === 'event' && m.seq > baseline && (m.payload as { connections: number }).connections === 2);
    const back = await from('127.0.0.1');
    expect(await back.invoke('system.status', {})).toMatchObject({ ok: true, data: { connections: 3 } });
  });
});

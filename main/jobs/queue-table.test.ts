import { describe, expect, it } from 'vitest';
import { loadQueueTable } from './queue-table';
import { backoffDelay } from './backoff';
import table from '../../resources/queues.json';

describe('the queue table', () => {
  it('loads the shipped table: every queue of DESIGN.md, sorted by priority', () => {
    const queues = loadQueueTable();
    expect(queues.map((q) => q.name)).toContain('router-provisioning');
    expect(queues).toHaveLength(14);
    expect(queues[0]).toMatchObject({ name: 'broadcasts', priority: 3, workers: 3, memoryMb: 128, timeoutSeconds: 30 });
    expect(queues.at(-1)).toMatchObject({ name: 'log-rotation', priority: 30 });
    expect(queues.map((q) => q.priority)).toEqual([...queues.map((q) => q.priority)].sort((a, b) => a - b));
  });

  it('refuses a broken table with a message that names the problem', () => {
    const queues = table.queues;
    expect(() => loadQueueTable({ queues: [...queues, queues[0]] })).toThrow(/names "broadcasts" twice/);
    expect(() => loadQueueTable({ queues: queues.filter((q) => q.name !== 'default') })).toThrow(/needs a "default" queue/);
    expect(() => loadQueueTable({ queues: [{ ...queues[0], workers: 0 }] })).toThrow(/queues\.0\.workers/);
    expect(() => loadQueueTable({ queues: [{ ...queues[0], backoff: { baseMs: 10, maxMs: 1 } }] })).toThrow(/backoff\.maxMs/);
  });
});

describe('backoff', () => {
  const backoff = { baseMs: 1000, maxMs: 30_000 };
  it('doubles per attempt up to the cap, with jitter between half and the full step', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, backoff, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect([1, 2, 3, 6].map((a) => backoffDelay(a, backoff, () => 0))).toEqual([500, 1000, 2000, 15000]);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(3, backoff);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });
});

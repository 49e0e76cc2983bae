import { appendFileSync, closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface JobLogOptions {
  /** Rotate a queue's log when it grows past this size. */
  maxBytes?: number;
  /** Rotate a queue's log whose first line is older than this. */
  maxAgeMs?: number;
  /** Rotated files kept per queue (`<queue>.log.1` newest … `.N`). */
  keep?: number;
}

const DEFAULTS: Required<JobLogOptions> = { maxBytes: 10 * 1024 * 1024, maxAgeMs: 24 * 3600_000, keep: 7 };
const FLUSH_MS = 50;
const TAIL_BYTES = 2 * 1024 * 1024;

/**
 * One JSON-lines log per queue: `<dataDir>/logs/<queue>.log`. Lines are buffered and appended
 * together (a flush every ~50 ms), so logging each of 20k jobs a second stays cheap. No file
 * handle is held between flushes, so rotation is a plain rename on every platform.
 */
export class JobLog {
  private readonly buffers = new Map<string, string[]>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly options: Required<JobLogOptions>;

  private iso = { at: -1, text: '' };

  constructor(
    readonly dir: string,
    options: JobLogOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULTS, ...options };
    mkdirSync(dir, { recursive: true });
  }

  fileOf(queue: string): string {
    return join(this.dir, `${queue}.log`);
  }

  write(queue: string, entry: Record<string, unknown>): void {
    if (this.closed) return;
    let buffer = this.buffers.get(queue);
    if (!buffer) this.buffers.set(queue, (buffer = []));
    buffer.push(JSON.stringify(entry));
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** One line about a job; `time` first (rotation reads it), then the ids. */
  jobLine(queue: string, job: { id: number; name: string; tenantId: number | null }, level: string, msg: string, fields?: Record<string, unknown>): void {
    const now = this.now();
    // Lines come in bursts: format the time at most once per millisecond.
    if (this.iso.at !== now) this.iso = { at: now, text: new Date(now).toISOString() };
    this.write(queue, { time: this.iso.text, level, msg, queue, jobId: job.id, name: job.name, tenantId: job.tenantId, ...fields });
  }

  /** Writes what is buffered; later lines are dropped (the engine has stopped, its folder may go). */
  close(): void {
    this.flush();
    this.closed = true;
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const [queue, lines] of this.buffers) {
      if (lines.length === 0) continue;
      appendFileSync(this.fileOf(queue), lines.join('\n') + '\n');
      lines.length = 0;
    }
  }

  /** This job's lines from the recent part of its queue's log, oldest first. */
  linesOf(queue: string, jobId: number, limit = 200): Array<Record<string, unknown>> {
    this.flush();
    const text = readTail(this.fileOf(queue), TAIL_BYTES);
    const needle = `"jobId":${jobId},`;
    const lines: Array<Record<string, unknown>> = [];
    for (const line of text.split('\n')) {
      if (!line.includes(needle)) continue;
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // A line cut by the tail boundary.
      }
    }
    return lines.slice(-limit);
  }

  /**
   * Rotates every queue log that is too big or too old (`<q>.log` → `<q>.log.1` → … ),
   * dropping the oldest beyond `keep`. Returns the queues rotated.
   */
  rotate(now: number = Date.now()): string[] {
    this.flush();
    const rotated: string[] = [];
    for (const file of readdirSync(this.dir)) {
      if (!file.endsWith('.log')) continue;
      const queue = file.slice(0, -'.log'.length);
      const path = join(this.dir, file);
      const size = statSync(path).size;
      const firstTime = firstLineTime(path);
      const tooOld = firstTime !== null && now - firstTime >= this.options.maxAgeMs;
      if (size === 0 || (size < this.options.maxBytes && !tooOld)) continue;
      rmSync(`${path}.${this.options.keep}`, { force: true });
      for (let n = this.options.keep - 1; n >= 1; n--) {
        try {
          renameSync(`${path}.${n}`, `${path}.${n + 1}`);
        } catch {
          // That generation does not exist yet.
        }
      }
      renameSync(path, `${path}.1`);
      rotated.push(queue);
    }
    return rotated;
  }
}

function readTail(path: string, bytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return '';
  }
  try {
    const size = statSync(path).size;
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function firstLineTime(path: string): number | null {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(256);
    const n = readSync(fd, buffer, 0, 256, 0);
    const match = /"time":"([^"]+)"/.exec(buffer.toString('utf8', 0, n));
    const time = match ? Date.parse(match[1]!) : NaN;
    return Number.isNaN(time) ? null : time;
  } finally {
    closeSync(fd);
  }
}

/**
 * Crash test (issue 7): a publish to 500 recipients runs in a child process over the SQLite
 * store, is killed by a signal part-way, and a restart over the same store finishes it.
 * Copies are counted at a real SMTP server on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpTestServer } from '../src/testing/smtp-test-server';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/crash-publisher.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const N = 500;

function run(
  db: string,
  port: number,
): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; out: string; err: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, db, String(port), String(N)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const done = new Promise<{ code: number | null; signal: string | null; out: string; err: string }>(
    (resolve) =>
      child.on('exit', (code, signal) => {
        if (code !== 0 && signal === null) process.stderr.write(err);
        resolve({ code, signal, out, err });
      }),
  );
  return { child, done };
}

async function untilCount(count: () => number, atLeast: number, exited: Promise<unknown>): Promise<void> {
  let over = false;
  void exited.then(() => {
    over = true;
  });
  while (count() < atLeast && !over) await new Promise((r) => setTimeout(r, 2));
}

describe('crash and restart over the SQLite store', () => {
  it('SIGTERM part-way, then restart: every recipient has exactly one copy', {
    timeout: 120_000,
  }, async () => {
    const smtp = await startSmtpTestServer({ keepMessages: false, replyDelayMs: 3 });
    const db = join(dir, 'term.db');
    const first = run(db, smtp.port);
    await untilCount(() => smtp.count(), 100, first.done);
    first.child.kill('SIGTERM');
    const ended = await first.done;
    const partWay = smtp.count();
    // When the first run ends before 100 messages, say how it ended (a rare failure seen in CI).
    const how = JSON.stringify({ code: ended.code, signal: ended.signal, stderr: ended.err.slice(-800) });
    expect(partWay, `first run ended early: ${how}`).toBeGreaterThanOrEqual(100);
    expect(partWay).toBeLessThan(N);

    const second = await run(db, smtp.port).done;
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.out) as { totals: { sent: number; skipped: number; unknown: number } };
    expect(summary.totals).toMatchObject({ sent: N - partWay, skipped: partWay, unknown: 0 });
    const counts = smtp.counts();
    expect(counts.size).toBe(N);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    await smtp.close();
  });

  it('SIGKILL part-way, then restart: no recipient gets two copies; in-flight ones are reported unknown', {
    timeout: 120_000,
  }, async () => {
    const smtp = await startSmtpTestServer({ keepMessages: false, replyDelayMs: 3 });
    const db = join(dir, 'kill.db');
    const first = run(db, smtp.port);
    await untilCount(() => smtp.count(), 100, first.done);
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    const partWay = smtp.count();
    expect(partWay).toBeLessThan(N);

    const second = await run(db, smtp.port).done;
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.out) as { unknown: string[] };
    expect(summary.unknown.length).toBeLessThanOrEqual(4); // at most the in-flight sends (concurrency 4)
    const counts = smtp.counts();
    for (let i = 0; i < N; i++) {
      const r = `user${i}@example.com`;
      const c = counts.get(r) ?? 0;
      expect(c, r).toBeLessThanOrEqual(1);
      if (c === 0) expect(summary.unknown, `${r} has no copy and must be reported`).toContain(r);
    }
    await smtp.close();
  });
});

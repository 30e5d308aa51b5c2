/**
 * Restart: a desk process is killed (SIGKILL) between `publish` and the end of its delivery;
 * a new desk over the same SQLite file calls `resume()`. Every recipient ends with exactly one
 * copy (counted at a real SMTP server on loopback) and each pending reminder fires once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../../packages/core/test/support';
import { INCIDENT_ID, openDesk, PUBLISH_MINUTE, RECIPIENTS } from './desk-host';

const root = fileURLToPath(new URL('../..', import.meta.url));
const host = fileURLToPath(new URL('./desk-host.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'desk-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The message (1-based) during which the child is killed: after the server has it, before it replies. */
const KILL_AT = 5;

interface Mail {
  to: string;
  body: string;
}

/** An SMTP server that records each message and, once, runs `onMessage` before replying to it. */
async function startServer(onMessage: (count: number) => Promise<void>) {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo)
          mails.push({ to: r.address, body: Buffer.concat(chunks).toString('utf8') });
        onMessage(mails.length).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { mails, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('desk restart over SQLite', () => {
  it('SIGKILL during delivery, then resume(): one copy per recipient, each pending reminder once', {
    timeout: 120_000,
  }, async () => {
    const db = join(dir, 'desk.db');
    let exited: Promise<string | null> = Promise.resolve(null);
    let kill = () => {};
    const server = await startServer(async (count) => {
      if (count !== KILL_AT) return;
      // Killed while this message is accepted but not yet acknowledged: the outbox says `sending`.
      kill();
      await exited;
    });

    const child = spawn(process.execPath, ['--import', 'tsx', host, db, String(server.port)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    kill = () => child.kill('SIGKILL');
    const signal = await exited;
    expect(signal, err).toBe('SIGKILL');
    expect(out).toBe('publishing\n');
    expect(server.mails).toHaveLength(KILL_AT);

    // A new process's desk over the same file, its clock where the old one stopped.
    const { desk, clock, close } = openDesk(db, server.port, t(PUBLISH_MINUTE));
    const fired: string[] = [];
    desk.on('update.due', (r) => fired.push(`update.due ${r.dueAt}`));
    desk.on('checkpoint.due', (r) => fired.push(`checkpoint.due ${r.dueAt}`));
    // An overdue update escalates one step at a time; each step is its own reminder.
    desk.on('update.overdue', (r) =>
      fired.push(`update.overdue ${r.dueAt}${r.escalation.step > 1 ? ` step ${r.escalation.step}` : ''}`),
    );
    try {
      const report = await desk.resume();
      expect(report.incidents).toEqual([INCIDENT_ID]);
      expect(report.deliveries).toHaveLength(1);
      expect(report.deliveries[0]!.totals).toMatchObject({
        sent: RECIPIENTS.length - KILL_AT,
        skipped: KILL_AT - 1,
        unknown: 1,
      });
      // A second resume finds nothing left to do.
      expect((await desk.resume()).deliveries).toEqual([]);

      const copies = new Map<string, number>();
      for (const m of server.mails) copies.set(m.to, (copies.get(m.to) ?? 0) + 1);
      for (const r of RECIPIENTS) expect(copies.get(r), r).toBe(1);
      // The resumed copies carry the same approved text as the ones sent before the kill.
      const text = (m: Mail) => /Next update by [^\r\n]*/.exec(m.body)?.[0];
      expect(new Set(server.mails.map(text)).size).toBe(1);

      // Pending when the old process died: the heads-up and the overdue notice of the promised update.
      const pending = report.reminders.map((r) => `${r.kind} ${r.dueAt}`);
      expect(pending.map((p) => p.split(' ')[0])).toEqual(
        expect.arrayContaining(['update.due', 'update.overdue']),
      );
      clock.advanceTo(t(60));
      for (const p of pending)
        expect(
          fired.filter((f) => f === p),
          p,
        ).toHaveLength(1);
      expect(new Set(fired).size).toBe(fired.length);
      expect(desk.current(INCIDENT_ID).statusUpdate?.version).toBe(1);
    } finally {
      close();
      await server.close();
    }
  });
});

/**
 * @module examples/demo/status-page
 * The source-of-truth page during the demo: `@incident-comms/http` over the demo's desk,
 * served on loopback by `@hono/node-server`, so a reader can open it while the outage plays.
 * Everyone on loopback is the support lead here; a real host maps its own sign-in instead.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Clock, IncidentDesk, Runbook } from '@incident-comms/core';
import { createHttpHandler } from '@incident-comms/http';
import { ACCOUNTS, DEMOS } from './scenario';

/** The running page: its address, and how to stop it. */
export interface StatusPage {
  url: string;
  /** Serves until Ctrl-C when run in a terminal (not in CI); returns at once otherwise. */
  holdOpen(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the page on 127.0.0.1 (a free port) over the desk. */
export async function startStatusPage(
  desk: IncidentDesk,
  runbook: Runbook,
  clock: Clock,
): Promise<StatusPage> {
  const handler = createHttpHandler({
    desk,
    runbook,
    now: () => clock.now(),
    identify: () => runbook.roles.support.primary.id,
    salesItems: () => DEMOS,
    accounts: () => ACCOUNTS.map(({ email: _email, ...account }) => account),
  });
  const server = await new Promise<ReturnType<typeof serve>>((ready) => {
    const s = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, () => ready(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const close = () => new Promise<void>((done) => server.close(() => done()));
  return {
    url,
    close,
    holdOpen() {
      if (!process.stdout.isTTY || process.env.CI) return Promise.resolve();
      console.log(`\nThe page is still open at ${url}; press Ctrl-C to stop.`);
      return new Promise<void>((done) => process.once('SIGINT', () => done()));
    },
  };
}

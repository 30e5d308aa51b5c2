/**
 * @module demo/delivery
 * Where the demo's messages go: by default a real SMTP server and a Slack Web API stub, both
 * started in-process on 127.0.0.1; with `SMTP_URL` / `SLACK_TOKEN` + `SLACK_CHANNEL`, the real
 * services instead. Builds the channels and the routes, and closes everything at the end.
 */
import { createEmailChannel } from '@incident-comms/channel-email';
import { type SmtpTestServer, startSmtpTestServer } from '@incident-comms/channel-email/testing';
import { createSlackChannel } from '@incident-comms/channel-slack';
import { type SlackApiStub, startSlackApiStub } from '@incident-comms/channel-slack/testing';
import type { AnyChannel, DeliveryRoute } from '@incident-comms/core';
import { WebClient } from '@slack/web-api';
import nodemailer from 'nodemailer';
import { CUSTOMER_EMAILS, SLACK_ROUTES } from './scenario';

/** Environment variables that switch delivery to real services (see examples/README.md). */
export interface DeliveryEnv {
  /** A bot token (`xoxb-…`) with `chat:write`; needs `SLACK_CHANNEL` too. */
  SLACK_TOKEN?: string | undefined;
  /** The Slack conversation id (`C…`) that receives the internal updates. */
  SLACK_CHANNEL?: string | undefined;
  /** An SMTP URL such as `smtps://user:pass@smtp.example.com:465`. */
  SMTP_URL?: string | undefined;
  /** With `SMTP_URL`: the sender address your SMTP server accepts (default `status@acme.example`). */
  DEMO_EMAIL_FROM?: string | undefined;
  /**
   * With `SMTP_URL`: your own mailbox. Every demo recipient becomes a plus-address of it
   * (`you+ana.lopez@example.com`), so nothing goes to the made-up addresses.
   */
  DEMO_EMAIL_TO?: string | undefined;
}

/** The sender identities of the demo company. */
export interface Senders {
  /** The status address customers receive updates from. */
  status: { name: string; address: string };
  /** The communication owner: Reply-To of every update. */
  owner: { name: string; address: string };
  /** Customer success: sender of personal account notes. */
  accounts: { name: string; address: string };
}

/** The running delivery side of the demo. */
export interface DemoDelivery {
  readonly mode: { email: 'loopback' | 'smtp'; slack: 'loopback' | 'slack' };
  /** Channels every status update goes through (`email`, `slack`). */
  readonly channels: readonly AnyChannel[];
  /** The email channel for personal account notes (`account-note`); its own delivery keys. */
  readonly noteChannel: AnyChannel;
  /** The loopback SMTP server, when email stays local. */
  readonly smtp: SmtpTestServer | undefined;
  /** The loopback Slack stub, when Slack stays local. */
  readonly slackStub: SlackApiStub | undefined;
  /**
   * Routes for one status update: customers by email (`customer`), the listed accounts by email
   * (`cs-account`, in their zone), and the internal summary to every team's Slack channel.
   */
  routes(accountEmails: readonly string[]): DeliveryRoute[];
  /** The address an email recipient of the scenario is really sent to (see `DEMO_EMAIL_TO`). */
  address(recipient: string): string;
  /** A readable name for a recipient (`#support` for a Slack id). */
  recipientName(channel: string, recipient: string): string;
  /** Closes the SMTP pools and stops the local servers. */
  close(): Promise<void>;
}

function readEnv(env: DeliveryEnv) {
  const token = env.SLACK_TOKEN?.trim();
  const channel = env.SLACK_CHANNEL?.trim();
  if (Boolean(token) !== Boolean(channel)) {
    throw new Error(
      'Set both SLACK_TOKEN and SLACK_CHANNEL to post to Slack, or neither to use the local stub.',
    );
  }
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  const to = smtpUrl ? env.DEMO_EMAIL_TO?.trim() || undefined : undefined;
  const from = smtpUrl ? env.DEMO_EMAIL_FROM?.trim() || undefined : undefined;
  if (to !== undefined && !/^[^@\s]+@[^@\s]+$/.test(to))
    throw new Error(`DEMO_EMAIL_TO is not an email address: ${to}`);
  return { token, channel, smtpUrl, to, from };
}

/**
 * Starts the delivery side: local servers unless the environment names real ones.
 *
 * @param env - `SLACK_TOKEN` + `SLACK_CHANNEL`, `SMTP_URL` (all optional).
 * @param senders - from/reply-to identities.
 * @returns the channels, routes and what the local servers received.
 * @throws {Error} when only one of `SLACK_TOKEN` / `SLACK_CHANNEL` is set.
 * @example
 * const delivery = await startDelivery({}, senders);
 * await delivery.close();
 */
export async function startDelivery(env: DeliveryEnv, senders: Senders): Promise<DemoDelivery> {
  const { token, channel: realSlackChannel, smtpUrl, to, from } = readEnv(env);
  const address = (recipient: string) => {
    if (!to) return recipient;
    const [local, domain] = to.split('@') as [string, string];
    return `${local}+${recipient.split('@')[0]!.replace(/[^A-Za-z0-9.-]/g, '-')}@${domain}`;
  };
  const status = from ? { ...senders.status, address: from } : senders.status;

  const smtp = smtpUrl ? undefined : await startSmtpTestServer();
  // One pooled transport per channel; maxRequeues: 0 so a dropped connection never resends.
  const transport = () =>
    smtpUrl
      ? nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 3, maxRequeues: 0 })
      : nodemailer.createTransport({
          host: '127.0.0.1',
          port: smtp!.port,
          ignoreTLS: true,
          pool: true,
          maxConnections: 3,
          maxRequeues: 0,
        });
  const updatesTransport = transport();
  const notesTransport = transport();
  const email = createEmailChannel({
    transport: updatesTransport,
    from: status,
    replyTo: senders.owner,
  });
  const noteChannel = createEmailChannel({
    name: 'account-note',
    transport: notesTransport,
    from: from ? { name: senders.accounts.name, address: from } : senders.accounts,
    replyTo: senders.accounts,
  });

  const slackStub = token ? undefined : await startSlackApiStub();
  const client = new WebClient(token ?? 'xoxb-local-stub', {
    ...(slackStub ? { slackApiUrl: slackStub.url } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });
  // Real Slack allows about one message per second per channel (the channel's default); the
  // local stub has no limit, so the demo does not wait for it.
  const slack = createSlackChannel({
    client,
    ...(slackStub ? { rateLimit: { perSecond: 50, burst: 20 } } : {}),
  });

  const slackNames = new Map<string, string>(SLACK_ROUTES.map((r) => [r.channel, r.name]));
  if (realSlackChannel) slackNames.set(realSlackChannel, `Slack ${realSlackChannel}`);

  return {
    mode: { email: smtpUrl ? 'smtp' : 'loopback', slack: token ? 'slack' : 'loopback' },
    channels: [email, slack],
    noteChannel,
    smtp,
    slackStub,
    routes(accountEmails) {
      // Slack channels are internal: every one gets the internal summary, in the team's zone.
      const slackRoutes: DeliveryRoute[] = [
        {
          channel: 'slack',
          audience: 'internal',
          recipients: realSlackChannel ? [realSlackChannel] : SLACK_ROUTES.map((r) => r.channel),
        },
      ];
      return [
        { channel: 'email', audience: 'customer', recipients: CUSTOMER_EMAILS.map(address) },
        { channel: 'email', audience: 'cs-account', recipients: accountEmails.map(address) },
        ...slackRoutes,
      ];
    },
    address,
    recipientName: (channel, recipient) =>
      channel === 'slack' ? (slackNames.get(recipient) ?? recipient) : recipient,
    async close() {
      updatesTransport.close();
      notesTransport.close();
      await Promise.all([smtp?.close(), slackStub?.close()]);
    },
  };
}

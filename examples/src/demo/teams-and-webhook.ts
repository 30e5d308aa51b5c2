/**
 * @module demo/teams-and-webhook
 * The demo's two extra destinations, both local: a Teams channel behind a Workflows webhook
 * stub (the internal summary as an Adaptive Card) and a billing service that receives signed
 * webhooks and verifies every signature with `standardwebhooks` (the customer version). After
 * the run, `tamperCheck` replays a received body with one word changed: the receiver refuses it.
 */
import { createTeamsChannel } from '@incident-comms/channel-teams';
import { startTeamsWorkflowsStub, type TeamsWorkflowsStub } from '@incident-comms/channel-teams/testing';
import { createWebhookChannel, verifyWebhook } from '@incident-comms/channel-webhook';
import { startWebhookReceiver, type WebhookReceiver } from '@incident-comms/channel-webhook/testing';
import type { AnyChannel, DeliveryRoute } from '@incident-comms/core';

/** The Teams webhook name and the webhook endpoint name routes use. */
export const TEAMS_WEBHOOK = 'incident-status';
export const BILLING_ENDPOINT = 'billing-bot';
const BILLING_PATH = '/hooks/incidents';

/** The running Teams stub and webhook receiver, with their channels and routes. */
export interface TeamsAndWebhook {
  /** `teams` and `webhook`, to add to the demo's channels. */
  readonly channels: readonly AnyChannel[];
  /** The internal summary to Teams; the customer version to the billing service. */
  readonly routes: readonly DeliveryRoute[];
  readonly teams: TeamsWorkflowsStub;
  readonly receiver: WebhookReceiver;
  /**
   * Replays the last request the receiver accepted with its body changed, against the same
   * receiver, and checks the same bytes with `verifyWebhook` directly.
   * @returns the receiver's HTTP status (401) and the verifier's error code.
   */
  tamperCheck(): Promise<{ status: number; code: string | undefined }>;
  /** One line per destination for the demo's summary. */
  summary(): string[];
  close(): Promise<void>;
}

/**
 * Starts both local peers and the two channels.
 *
 * @param sourceOfTruth - the runbook's `sourceOfTruth` (Teams cards link it).
 * @param secret - the billing endpoint's `whsec_` secret; a fixed demo value by default.
 * @example
 * const extra = await startTeamsAndWebhook({ name: 'status page', url: 'https://status.acme.example' });
 * // pass extra.channels and extra.routes to createIncidentDesk beside your own
 * await extra.close();
 */
export async function startTeamsAndWebhook(
  sourceOfTruth: { name: string; url?: string | undefined },
  secret = `whsec_${Buffer.from('demo secret for the billing webhook!!').toString('base64')}`,
): Promise<TeamsAndWebhook> {
  const teams = await startTeamsWorkflowsStub();
  const receiver = await startWebhookReceiver({ secrets: [secret], paths: [BILLING_PATH] });
  const channels: AnyChannel[] = [
    createTeamsChannel({ webhooks: { [TEAMS_WEBHOOK]: teams.webhookUrl(TEAMS_WEBHOOK) }, sourceOfTruth }),
    createWebhookChannel({
      endpoints: { [BILLING_ENDPOINT]: { url: receiver.url(BILLING_PATH), secrets: [secret] } },
    }),
  ];
  const routes: DeliveryRoute[] = [
    { channel: 'teams', audience: 'internal', recipients: [TEAMS_WEBHOOK] },
    { channel: 'webhook', audience: 'customer', recipients: [BILLING_ENDPOINT] },
  ];

  return {
    channels,
    routes,
    teams,
    receiver,
    async tamperCheck() {
      const last = receiver.requests.filter((r) => r.status === 200).at(-1);
      if (!last) throw new Error('the webhook receiver has accepted nothing to tamper with');
      const tampered = last.body.replace(/"text":"/, '"text":"All fine. ');
      const headers = Object.fromEntries(
        ['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [
          h,
          last.headers[h] ?? '',
        ]),
      );
      const res = await fetch(receiver.url(BILLING_PATH), { method: 'POST', headers, body: tampered });
      let code: string | undefined;
      try {
        verifyWebhook(tampered, headers, [secret]);
      } catch (error) {
        code = (error as { code?: string }).code;
      }
      return { status: res.status, code };
    },
    summary() {
      const cards = teams.posts(TEAMS_WEBHOOK).length;
      const verified = receiver.requests.filter((r) => r.status === 200).length;
      const refused = receiver.requests.filter((r) => r.status === 401).length;
      return [
        `Teams ${TEAMS_WEBHOOK}: ${cards} Adaptive Card${cards === 1 ? '' : 's'}`,
        `webhook ${BILLING_ENDPOINT}: ${receiver.accepted().length} signed update(s), ${verified} request(s) verified, ${refused} refused`,
      ];
    },
    close: async () => {
      await Promise.all([teams.close(), receiver.close()]);
    },
  };
}

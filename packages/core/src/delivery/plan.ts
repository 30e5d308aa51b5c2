/**
 * @module delivery/plan
 * The plan step of a publish: checks that messages, routes and channels fit together and turns
 * them into one delivery per (channel, recipient), before anything is queued.
 */
import { z } from 'zod';
import { describeValue } from '../errors';
import type { ApprovedMessage } from '../message';
import { AUDIENCES, type Audience } from '../vocabulary';
import { type AnyChannel, deliveryKey } from './channel';
import { DeliveryInputError, type DeliveryProblem, deliveryProblemsFromIssues } from './errors';
import type { NewDelivery } from './store';

/** Where one audience's message goes: a channel and its recipients (Slack channel ids, email addresses, …). */
export interface DeliveryRoute {
  /** `Channel.name` of a channel passed to `publishUpdate`. */
  readonly channel: string;
  readonly audience: Audience;
  /** Channel-specific recipients; duplicates are delivered once. */
  readonly recipients: readonly string[];
}

/** What the plan step hands on: validated deliveries and lookups by audience and channel name. */
export interface Plan {
  readonly incidentId: string;
  readonly version: number;
  readonly deliveries: NewDelivery[];
  readonly messageByAudience: ReadonlyMap<Audience, ApprovedMessage>;
  /** The release's first-contact messages by audience (see `PublishOptions.firstContact`). */
  readonly firstContactByAudience: ReadonlyMap<Audience, ApprovedMessage>;
  readonly channelByName: ReadonlyMap<string, AnyChannel>;
}

const messageSchema = z.object({
  incidentId: z.string().min(1),
  version: z.number().int().positive(),
  audience: z.enum(AUDIENCES),
  publishedAt: z.iso.datetime({ offset: true }),
  subject: z.string(),
  text: z.string(),
});
const routeSchema = z.object({
  channel: z.string().min(1),
  audience: z.enum(AUDIENCES),
  recipients: z.array(z.string().min(1, 'a non-empty recipient')),
});

/** Indexes `messages` by audience, reporting any that belong to another incident or version. */
function byAudience(
  messages: readonly ApprovedMessage[],
  path: string,
  first: ApprovedMessage,
  problems: DeliveryProblem[],
): Map<Audience, ApprovedMessage> {
  const map = new Map<Audience, ApprovedMessage>();
  messages.forEach((m, i) => {
    if (m.incidentId !== first.incidentId)
      problems.push({
        path: `${path}.${i}.incidentId`,
        expected: JSON.stringify(first.incidentId),
        received: describeValue(m.incidentId),
      });
    if (m.version !== first.version)
      problems.push({
        path: `${path}.${i}.version`,
        expected: String(first.version),
        received: String(m.version),
      });
    if (map.has(m.audience))
      problems.push({
        path: `${path}.${i}.audience`,
        expected: 'one message per audience',
        received: JSON.stringify(m.audience),
      });
    map.set(m.audience, m);
  });
  return map;
}

/** One delivery per (channel, recipient) of the routes; problems for unknown channels or audiences. */
function deliveriesOf(
  routes: readonly DeliveryRoute[],
  first: ApprovedMessage,
  messageByAudience: ReadonlyMap<Audience, ApprovedMessage>,
  channelByName: ReadonlyMap<string, AnyChannel>,
  problems: DeliveryProblem[],
): NewDelivery[] {
  const deliveries = new Map<string, NewDelivery>();
  routes.forEach((route, i) => {
    if (!channelByName.has(route.channel)) {
      const names = [...channelByName.keys()].map((n) => JSON.stringify(n)).join(', ');
      problems.push({
        path: `routes.${i}.channel`,
        expected: `one of ${names || '(no channels given)'}`,
        received: JSON.stringify(route.channel),
      });
      return;
    }
    if (!messageByAudience.has(route.audience)) {
      problems.push({
        path: `routes.${i}.audience`,
        expected: 'an audience with an approved message',
        received: JSON.stringify(route.audience),
      });
      return;
    }
    route.recipients.forEach((recipient, j) => {
      const key = deliveryKey(first.incidentId, first.version, route.channel, recipient);
      const existing = deliveries.get(key);
      if (existing && existing.audience !== route.audience) {
        problems.push({
          path: `routes.${i}.recipients.${j}`,
          expected: `one audience per recipient on channel ${JSON.stringify(route.channel)} (already routed ${existing.audience})`,
          received: JSON.stringify(recipient),
        });
        return;
      }
      const { incidentId, version } = first;
      deliveries.set(key, {
        key,
        incidentId,
        version,
        channel: route.channel,
        recipient,
        audience: route.audience,
      });
    });
  });
  return [...deliveries.values()];
}

/**
 * The plan step: validates the input and lists the deliveries.
 *
 * @throws {DeliveryInputError} `delivery_input_invalid`, each problem naming its path.
 * @example
 * planDeliveries({ messages: [m], routes: [{ channel: 'email', audience: 'customer', recipients: ['a@x.io'] }], channels: [email] });
 */
export function planDeliveries(input: {
  readonly messages: readonly ApprovedMessage[];
  readonly firstContact?: readonly ApprovedMessage[] | undefined;
  readonly routes: readonly DeliveryRoute[];
  readonly channels: readonly AnyChannel[];
}): Plan {
  const messages = z.array(messageSchema).min(1, 'at least one approved message').safeParse(input.messages);
  if (!messages.success)
    throw new DeliveryInputError(deliveryProblemsFromIssues(messages.error.issues, 'messages'));
  const firstContact = z.array(messageSchema).safeParse(input.firstContact ?? []);
  if (!firstContact.success)
    throw new DeliveryInputError(deliveryProblemsFromIssues(firstContact.error.issues, 'firstContact'));
  const routes = z.array(routeSchema).safeParse(input.routes);
  if (!routes.success)
    throw new DeliveryInputError(deliveryProblemsFromIssues(routes.error.issues, 'routes'));

  const problems: DeliveryProblem[] = [];
  const first = input.messages[0]!;
  const messageByAudience = byAudience(input.messages, 'messages', first, problems);
  const firstContactByAudience = byAudience(input.firstContact ?? [], 'firstContact', first, problems);
  const channelByName = new Map<string, AnyChannel>();
  input.channels.forEach((c, i) => {
    if (channelByName.has(c.name))
      problems.push({
        path: `channels.${i}.name`,
        expected: 'a unique channel name',
        received: JSON.stringify(c.name),
      });
    channelByName.set(c.name, c);
  });
  const deliveries = deliveriesOf(input.routes, first, messageByAudience, channelByName, problems);
  if (problems.length > 0) throw new DeliveryInputError(problems);
  return {
    incidentId: first.incidentId,
    version: first.version,
    deliveries,
    messageByAudience,
    firstContactByAudience,
    channelByName,
  };
}

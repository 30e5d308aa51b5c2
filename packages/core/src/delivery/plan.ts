/**
 * @module delivery/plan
 * The plan step of a publish: checks that the approved release, routes and channels fit
 * together and turns them into one delivery per (channel, recipient), before anything is queued.
 */
import { z } from 'zod';
import type { ApprovedRelease } from '../incident/state';
import type { ApprovedMessage } from '../message';
import { checkDeliverableRelease, releaseDeliveryMessages } from '../release/deliverable';
import { AUDIENCES, type Audience } from '../vocabulary';
import { type AnyChannel, deliveryKey } from './channel';
import { DeliveryInputError, type DeliveryProblem, deliveryProblemsFromIssues } from './errors';
import type { NewDelivery } from './store';

/** Where one audience's message goes: a channel and its recipients (Slack channel ids, email addresses, …). */
export interface DeliveryRoute {
  /** `Channel.name` of a channel passed to `publishUpdate`. */
  readonly channel: string;
  readonly audience: Audience;
  /**
   * The runbook segment these recipients belong to (e.g. `customer-us`): they get that
   * segment's message. Absent: the message for the audience as a whole.
   */
  readonly segment?: string | undefined;
  /**
   * The IANA zone these recipients read times in, when the release has a message per zone for
   * this audience. Optional when the audience has one message.
   */
  readonly timeZone?: string | undefined;
  /** Channel-specific recipients; duplicates are delivered once. */
  readonly recipients: readonly string[];
}

/** What the plan step hands on: validated deliveries and the message of each. */
export interface Plan {
  readonly release: ApprovedRelease;
  readonly incidentId: string;
  readonly version: number;
  readonly deliveries: NewDelivery[];
  /** The approved message of each delivery, by delivery key. */
  readonly messageByKey: ReadonlyMap<string, ApprovedMessage>;
  /** The first-contact message of each delivery that has one (see `PublishOptions.firstContact`). */
  readonly firstContactByKey: ReadonlyMap<string, ApprovedMessage>;
  readonly firstContact: ApprovedRelease | undefined;
  readonly channelByName: ReadonlyMap<string, AnyChannel>;
}

const routeSchema = z.object({
  channel: z.string().min(1),
  audience: z.enum(AUDIENCES),
  segment: z.string().min(1).optional(),
  timeZone: z.string().min(1).optional(),
  recipients: z.array(z.string().min(1, 'a non-empty recipient')),
});

/** The idempotency key of one delivery of a release: a version's, or a side note's own. */
function releaseKey(release: ApprovedRelease, channel: string, recipient: string): string {
  if (release.noteId === undefined)
    return deliveryKey(release.incidentId, release.version, channel, recipient);
  const e = encodeURIComponent;
  return `${e(release.incidentId)}/note-${e(release.noteId)}/${e(channel)}/${e(recipient)}`;
}

/** The release's message for a route: its audience's (or segment's), in the route's zone when it names one. */
function messageForRoute(
  messages: readonly ApprovedMessage[],
  route: { audience: Audience; segment?: string | undefined; timeZone?: string | undefined },
): ApprovedMessage | string {
  const ofAudience = messages.filter((m) => m.audience === route.audience && m.segment === route.segment);
  if (ofAudience.length === 0)
    return route.segment === undefined
      ? 'an audience with a message in the approved release'
      : `a segment of ${route.audience} with a message in the approved release (${
          [
            ...new Set(
              messages.filter((m) => m.audience === route.audience && m.segment).map((m) => m.segment),
            ),
          ].join(', ') || 'none'
        })`;
  if (route.timeZone !== undefined) {
    return (
      ofAudience.find((m) => m.timeZone === route.timeZone) ??
      `one of the release's zones for ${route.audience}: ${ofAudience.map((m) => m.timeZone).join(', ')}`
    );
  }
  if (ofAudience.length > 1)
    return `a route timeZone (${route.audience} has a message per zone: ${ofAudience.map((m) => m.timeZone).join(', ')})`;
  return ofAudience[0]!;
}

/** Checks the optional first-contact release: deliverable, same incident and version, not a side note. */
function checkFirstContact(
  release: ApprovedRelease,
  firstContact: ApprovedRelease | undefined,
): DeliveryProblem[] {
  if (firstContact === undefined) return [];
  const problems: DeliveryProblem[] = checkDeliverableRelease(firstContact, 'firstContact');
  if (problems.length > 0) return problems;
  if (firstContact.incidentId !== release.incidentId || firstContact.version !== release.version)
    problems.push({
      path: 'firstContact',
      expected: `a release of incident ${JSON.stringify(release.incidentId)} version ${release.version}`,
      received: `incident ${JSON.stringify(firstContact.incidentId)} version ${firstContact.version}`,
    });
  if (release.noteId !== undefined || firstContact.noteId !== undefined)
    problems.push({
      path: 'firstContact',
      expected: 'status-update releases only (a side note has no first contact)',
    });
  return problems;
}

/** Problems of one recipient on a route: the channel's own check (an e-mail address, …). */
function recipientProblems(route: DeliveryRoute, i: number, channel: AnyChannel): DeliveryProblem[] {
  if (!channel.checkRecipient) return [];
  return route.recipients.flatMap((recipient, j) => {
    const expected = channel.checkRecipient!(recipient);
    return expected === undefined
      ? []
      : [{ path: `routes.${i}.recipients.${j}`, expected, received: JSON.stringify(recipient) }];
  });
}

/**
 * Checks routes before any release exists (a desk checks its configured routes when it is
 * created): each route's shape, that its channel is one of `channels`, and every recipient
 * against the channel's `checkRecipient`. Whether a route's audience, segment and zone have a
 * message is checked per release, when a version is published.
 *
 * @throws {DeliveryInputError} `delivery_input_invalid`, each problem naming its path
 *   (`routes.0.channel`, `routes.1.recipients.2`, …).
 * @example
 * checkRoutes([{ channel: 'email', audience: 'customer', recipients: ['not-an-address'] }], [email]);
 * // throws: routes.0.recipients.0: expected an e-mail address, got "not-an-address"
 */
export function checkRoutes(routes: readonly DeliveryRoute[], channels: readonly AnyChannel[]): void {
  const parsed = z.array(routeSchema).safeParse(routes);
  if (!parsed.success)
    throw new DeliveryInputError(deliveryProblemsFromIssues(parsed.error.issues, 'routes', routes));
  const byName = new Map(channels.map((c) => [c.name, c]));
  const problems = routes.flatMap((route, i): DeliveryProblem[] => {
    const channel = byName.get(route.channel);
    if (channel) return recipientProblems(route, i, channel);
    const names = [...byName.keys()].map((n) => JSON.stringify(n)).join(', ');
    return [
      {
        path: `routes.${i}.channel`,
        expected: `one of ${names || '(no channels given)'}`,
        received: JSON.stringify(route.channel),
      },
    ];
  });
  if (problems.length > 0) throw new DeliveryInputError(problems);
}

/**
 * What is wrong with a list of channels before any is used: names must be unique, and a declared
 * `capabilities.concurrency` must be a whole number of at least 1 (a pool that can start no send
 * would never finish).
 * @returns the problems, each naming its path (`channels.1.name`, …); `[]` when none.
 * @example
 * channelProblems([email, { ...email, capabilities: { ...email.capabilities, concurrency: 0 } }]);
 * // [{ path: 'channels.1.name', … }, { path: 'channels.1.capabilities.concurrency', … }]
 */
export function channelProblems(channels: readonly AnyChannel[]): DeliveryProblem[] {
  const problems: DeliveryProblem[] = [];
  const seen = new Set<string>();
  channels.forEach((c, i) => {
    if (seen.has(c.name))
      problems.push({
        path: `channels.${i}.name`,
        expected: 'a unique channel name',
        received: JSON.stringify(c.name),
      });
    seen.add(c.name);
    const bad = concurrencyProblem(`channels.${i}.capabilities.concurrency`, c.capabilities?.concurrency);
    if (bad) problems.push(bad);
  });
  return problems;
}

/**
 * The problem with a number of sends in flight (a channel's declared `concurrency`, or
 * `publishUpdate`'s option): it must be a whole number of at least 1 when given, since a pool
 * that can start no send never finishes.
 * @param path - where the value sits, e.g. `concurrency`.
 * @returns the problem, or `undefined` when `value` is undefined or a whole number ≥ 1.
 * @example
 * concurrencyProblem('concurrency', Number.NaN); // { path: 'concurrency', expected: 'a whole number …', received: 'NaN' }
 */
export function concurrencyProblem(path: string, value: number | undefined): DeliveryProblem | undefined {
  if (value === undefined || (Number.isInteger(value) && value > 0)) return undefined;
  return {
    path,
    expected: 'a whole number of sends in flight, at least 1, or undefined',
    received: String(value),
  };
}

/**
 * The plan step: validates the input and lists the deliveries with their messages.
 *
 * @throws {DeliveryInputError} `delivery_input_invalid`, each problem naming its path.
 * @example
 * planDeliveries({ release, routes: [{ channel: 'email', audience: 'customer', recipients: ['a@x.io'] }], channels: [email] });
 */
export function planDeliveries(input: {
  readonly release: ApprovedRelease;
  readonly firstContact?: ApprovedRelease | undefined;
  readonly routes: readonly DeliveryRoute[];
  readonly channels: readonly AnyChannel[];
}): Plan {
  const { release, firstContact } = input;
  const refused = [...checkDeliverableRelease(release), ...checkFirstContact(release, firstContact)];
  if (refused.length > 0) throw new DeliveryInputError(refused);
  const routes = z.array(routeSchema).safeParse(input.routes);
  if (!routes.success)
    throw new DeliveryInputError(deliveryProblemsFromIssues(routes.error.issues, 'routes', input.routes));

  const problems: DeliveryProblem[] = channelProblems(input.channels);
  const channelByName = new Map(input.channels.map((c) => [c.name, c]));
  const messages = releaseDeliveryMessages(release);
  const standalone = firstContact ? releaseDeliveryMessages(firstContact) : [];
  const messageByKey = new Map<string, ApprovedMessage>();
  const firstContactByKey = new Map<string, ApprovedMessage>();
  const deliveries = new Map<string, NewDelivery>();
  input.routes.forEach((route, i) => {
    if (!channelByName.has(route.channel)) {
      const names = [...channelByName.keys()].map((n) => JSON.stringify(n)).join(', ');
      problems.push({
        path: `routes.${i}.channel`,
        expected: `one of ${names || '(no channels given)'}`,
        received: JSON.stringify(route.channel),
      });
      return;
    }
    const message = messageForRoute(messages, route);
    if (typeof message === 'string') {
      const field =
        route.timeZone !== undefined ? 'timeZone' : route.segment !== undefined ? 'segment' : 'audience';
      problems.push({
        path: `routes.${i}.${field}`,
        expected: message,
        received: JSON.stringify(route[field]),
      });
      return;
    }
    const refused = recipientProblems(route, i, channelByName.get(route.channel)!);
    if (refused.length > 0) {
      problems.push(...refused);
      return;
    }
    const first = messageForRoute(standalone, route);
    route.recipients.forEach((recipient, j) => {
      const key = releaseKey(release, route.channel, recipient);
      const existing = deliveries.get(key);
      if (existing && existing.audience !== route.audience) {
        problems.push({
          path: `routes.${i}.recipients.${j}`,
          expected: `one audience per recipient on channel ${JSON.stringify(route.channel)} (already routed ${existing.audience})`,
          received: JSON.stringify(recipient),
        });
        return;
      }
      messageByKey.set(key, message);
      if (typeof first !== 'string') firstContactByKey.set(key, first);
      const { incidentId, version } = release;
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
  if (problems.length > 0) throw new DeliveryInputError(problems);
  const { incidentId, version } = release;
  return {
    release,
    incidentId,
    version,
    deliveries: [...deliveries.values()],
    messageByKey,
    firstContactByKey,
    firstContact,
    channelByName,
  };
}

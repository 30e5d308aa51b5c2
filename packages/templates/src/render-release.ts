/**
 * @module render-release
 * Renders the draft of a release: every audience's message (per reader time zone) for the
 * status-update version a draft will become, ready for the communication owner to edit.
 */
import {
  AUDIENCES,
  type Audience,
  audienceSegments,
  audienceTimeZone,
  type ReleaseMessage,
  type Runbook,
  type StatusUpdate,
  sortReleaseMessages,
} from '@incident-comms/core';
import { type RenderMessageOptions, renderMessage } from './render-message';
import { createTemplateSet } from './template-set';

/** Options of {@link renderRelease}. */
export interface RenderReleaseOptions extends Omit<RenderMessageOptions, 'timeZone' | 'segment'> {
  /**
   * The IANA zones each audience's readers are in, where an audience spans several (e.g.
   * `{ 'cs-account': ['America/New_York', 'Europe/Berlin'] }`): one message per zone. Default:
   * one message in the audience's runbook zone.
   */
  zones?: Partial<Record<Audience, readonly string[]>> | undefined;
  /**
   * Further messages to hold: an audience, or a runbook segment of it, in a zone (e.g. the
   * zone a delivery route's recipients read). Each is rendered once.
   */
  targets?: ReadonlyArray<{ audience: Audience; segment?: string | undefined; timeZone: string }> | undefined;
}

/**
 * The messages of a release for one status-update version: one per audience (all seven by
 * default) and per reader zone, one per runbook segment of those audiences (in its zone, with
 * its templates), and one per extra target; each rendered through its template with the
 * version's facts, times in that zone. The subject and text are plain text; channels escape them when they
 * deliver. Edit them with `editReleaseMessage`, then record the draft with `releaseDraft`.
 *
 * Practice: one approved status, the same facts and timing for every audience; the
 * communication owner may reword a message, and then every approval is asked again.
 *
 * @param statusUpdate - the version the draft will become (`previewStatusUpdate`).
 * @param runbook - a validated runbook (templates, zones, wording).
 * @param options - `incidentId` (required), `followUpAt`, `audiences`, `zones`, `templates`.
 * @returns {@link ReleaseMessage}s in release order (`AUDIENCES` order, then zone).
 * @throws the errors of `renderMessage` (a missing variable, an unknown template, a bad zone).
 * @example
 * const next = previewStatusUpdate(state, outline, runbook, now);
 * const messages = renderRelease(next, runbook, { incidentId: state.id });
 * messages.map((m) => m.audience); // ['customer', 'support-reply', …, 'internal']
 */
export function renderRelease(
  statusUpdate: StatusUpdate,
  runbook: Runbook,
  options: RenderReleaseOptions,
): ReleaseMessage[] {
  const templates = options.templates ?? createTemplateSet(runbook);
  const audiences = options.audiences ?? AUDIENCES;
  const wanted: Array<{ audience: Audience; segment?: string | undefined; timeZone: string }> = [];
  for (const audience of audiences) {
    const zones = options.zones?.[audience] ?? [audienceTimeZone(runbook, audience)];
    for (const timeZone of zones) wanted.push({ audience, timeZone });
    for (const s of audienceSegments(runbook, audience))
      wanted.push({ audience, segment: s.id, timeZone: s.timeZone });
  }
  wanted.push(...(options.targets ?? []));
  const messages = new Map<string, ReleaseMessage>();
  for (const { audience, segment, timeZone } of wanted) {
    const key = `${audience} ${segment ?? ''} ${timeZone}`;
    if (messages.has(key)) continue;
    const rendered = renderMessage(statusUpdate, audience, runbook, {
      ...options,
      templates,
      timeZone,
      segment,
    });
    messages.set(key, {
      audience,
      ...(segment === undefined ? {} : { segment }),
      timeZone,
      subject: rendered.subject,
      text: rendered.text,
      templateId: rendered.templateId,
    });
  }
  return sortReleaseMessages([...messages.values()]);
}

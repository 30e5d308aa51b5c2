/**
 * @module render-release
 * Renders the draft of a release: every audience's message (per reader time zone) for the
 * status-update version a draft will become, ready for the communication owner to edit.
 */
import {
  AUDIENCES,
  type Audience,
  audienceTimeZone,
  type ReleaseMessage,
  type Runbook,
  type StatusUpdate,
  sortReleaseMessages,
} from '@incident-comms/core';
import { type RenderMessageOptions, renderMessage } from './render-message';
import { createTemplateSet } from './template-set';

/** Options of {@link renderRelease}. */
export interface RenderReleaseOptions extends Omit<RenderMessageOptions, 'timeZone'> {
  /**
   * The IANA zones each audience's readers are in, where an audience spans several (e.g.
   * `{ 'cs-account': ['America/New_York', 'Europe/Berlin'] }`): one message per zone. Default:
   * one message in the audience's runbook zone.
   */
  zones?: Partial<Record<Audience, readonly string[]>> | undefined;
}

/**
 * The messages of a release for one status-update version: one per audience (all seven by
 * default) and per reader zone, each rendered through its template with the version's facts,
 * times in that zone. The subject and text are plain text; channels escape them when they
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
  const messages: ReleaseMessage[] = [];
  for (const audience of options.audiences ?? AUDIENCES) {
    const zones = options.zones?.[audience] ?? [audienceTimeZone(runbook, audience)];
    for (const timeZone of new Set(zones)) {
      const rendered = renderMessage(statusUpdate, audience, runbook, { ...options, templates, timeZone });
      messages.push({
        audience,
        timeZone,
        subject: rendered.subject,
        text: rendered.text,
        templateId: rendered.templateId,
      });
    }
  }
  return sortReleaseMessages(messages);
}

/**
 * @module channel-statuspage/incident-request
 * Pure rendering of an approved customer message into a Statuspage REST request: create the
 * incident for the first version, update it (status, body, components) for later ones.
 */
import {
  type ApprovedMessage,
  escapeMarkdown,
  oneLine,
  type RenderContext,
  type Severity,
} from '@incident-comms/core';

/** Component statuses the Statuspage API accepts. */
export const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;
/** One of {@link COMPONENT_STATUSES}. */
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/**
 * Default component status while the incident is open, by the default ladder's severities;
 * `operational` once resolved. A runbook with its own ladder names its levels' statuses in the
 * page's `componentStatus`; a level named nowhere shows `partial_outage`.
 */
export const DEFAULT_COMPONENT_STATUS: Readonly<Record<Severity, ComponentStatus>> = Object.freeze({
  SEV1: 'major_outage',
  SEV2: 'partial_outage',
  SEV3: 'degraded_performance',
});

/** Statuspage's incident impact for each default severity (`impact_override`; omitted for others). */
const IMPACT: Readonly<Record<string, 'critical' | 'major' | 'minor'>> = {
  SEV1: 'critical',
  SEV2: 'major',
  SEV3: 'minor',
};

/** Statuspage caps an incident name at 255 characters. */
export const INCIDENT_NAME_LIMIT = 255;

/** The JSON body of a create or update call (`{ incident: { … } }`). */
export interface IncidentBody {
  incident: {
    name?: string;
    status: ApprovedMessage['status'];
    body: string;
    impact_override?: 'critical' | 'major' | 'minor';
    deliver_notifications: boolean;
    component_ids?: string[];
    components?: Record<string, ComponentStatus>;
  };
}

/** The channel's payload: which page, create or update, and the body. */
export type StatuspagePayload =
  | { readonly op: 'create'; readonly pageId: string; readonly body: IncidentBody }
  | {
      readonly op: 'update';
      readonly pageId: string;
      readonly incidentId: string;
      readonly body: IncidentBody;
    };

/** Per-page settings (from the runbook): the components an incident of this page affects. */
export interface PageSettings {
  /** Component ids to mark while the incident is open and set back to operational on resolve. */
  readonly components?: readonly string[] | undefined;
  /** Component status while open, by severity. Default {@link DEFAULT_COMPONENT_STATUS}. */
  readonly componentStatus?: Readonly<Partial<Record<Severity, ComponentStatus>>> | undefined;
}

/**
 * Escapes the approved text for Statuspage's update body, which is shown with Markdown and basic
 * HTML: each line through core's `escapeMarkdown` (no emphasis, links, code, tags or tables),
 * and a heading, quote, list or rule marker at a line start escaped too; line breaks stay.
 *
 * @example
 * statuspageBody('See [us](http://evil.example)\n<b>now</b>'); // 'See \\[us\\](http://evil.example)\n\\<b\\>now\\</b\\>'
 */
export function statuspageBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : escapeLineStart(escapeMarkdown(line))))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Block Markdown a line start can trigger: headings, quotes, lists, rules, setext underlines. */
function escapeLineStart(line: string): string {
  return line.replace(
    /^(\s*)(?:([#>+=-])|(\d+)([.)]))/,
    (_m, space: string, mark?: string, num?: string, dot?: string) =>
      mark !== undefined ? `${space}\\${mark}` : `${space}${num}\\${dot}`,
  );
}

/**
 * Renders the request for one approved customer message. Pure. Without `context.thread` it
 * creates the incident (name from the incident title, impact from the severity); with
 * `context.thread.incidentId` it updates that incident. Components get the severity's status
 * while open and `operational` when resolved.
 *
 * @param pageId - the Statuspage page id (the route's recipient).
 * @example
 * renderIncidentRequest(message, 'kctbh9vrtdwd', { idempotencyKey: 'k' }, { components: ['8kbf7d35c070'] }, true).op; // 'create'
 */
export function renderIncidentRequest(
  message: ApprovedMessage,
  pageId: string,
  context: RenderContext,
  settings: PageSettings,
  deliverNotifications: boolean,
): StatuspagePayload {
  const components = settings.components ?? [];
  const open =
    { ...DEFAULT_COMPONENT_STATUS, ...settings.componentStatus }[message.severity] ?? 'partial_outage';
  const componentStatus: ComponentStatus = message.status === 'resolved' ? 'operational' : open;
  const incident: IncidentBody['incident'] = {
    status: message.status,
    body: statuspageBody(message.text),
    deliver_notifications: deliverNotifications,
    ...(components.length > 0
      ? {
          component_ids: [...components],
          components: Object.fromEntries(components.map((id) => [id, componentStatus])),
        }
      : {}),
  };
  const incidentId = context.thread?.incidentId;
  if (incidentId !== undefined && context.thread?.pageId === pageId) {
    return { op: 'update', pageId, incidentId, body: { incident } };
  }
  const name = oneLine(message.incidentTitle).slice(0, INCIDENT_NAME_LIMIT);
  return {
    op: 'create',
    pageId,
    body: {
      incident: {
        name,
        ...(IMPACT[message.severity] ? { impact_override: IMPACT[message.severity] } : {}),
        ...incident,
      },
    },
  };
}

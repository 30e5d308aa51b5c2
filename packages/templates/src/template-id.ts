/**
 * @module template-id
 * Template ids: `kind/audience[/incidentType]` names a message template, anything else a host's
 * own template. The incident type part is any id the runbook defines, not a built-in list.
 */
import {
  AUDIENCES,
  type Audience,
  type IncidentType,
  MESSAGE_KINDS,
  type MessageKind,
  type Problem,
  problem,
} from '@incident-comms/core';

const INCIDENT_TYPE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Template id syntax, the same the runbook's `templates` section accepts. */
export const TEMPLATE_ID_PATTERN = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** The kind, audience and incident type a template id names (`kind/audience[/incidentType]`). */
export function compiledIdParts(id: string): {
  kind?: MessageKind;
  audience?: Audience;
  incidentType?: IncidentType;
} {
  const [first, second, third] = id.split('/');
  const kind = MESSAGE_KINDS.find((k) => k === first);
  if (!kind) return {};
  const audience = AUDIENCES.find((a) => a === second);
  // Any incident type id: which types exist is the runbook's to say (see checkRunbookTemplates).
  const incidentType = third !== undefined && INCIDENT_TYPE_ID.test(third) ? third : undefined;
  return { kind, ...(audience ? { audience } : {}), ...(incidentType ? { incidentType } : {}) };
}

/**
 * Problems with a template id: its syntax, and for a message template (`kind/…`) an audience or
 * one of the runbook's `segments` after the kind, and at most kind/audience/incident-type.
 * Which incident types exist is the runbook's to say (`checkRunbookTemplates`).
 */
export function templateIdProblems(id: string, path: string, segments: readonly string[] = []): Problem[] {
  if (!TEMPLATE_ID_PATTERN.test(id)) {
    return [problem(path, 'a template id like "update/customer"', JSON.stringify(id))];
  }
  const parts = id.split('/');
  const problems: Problem[] = [];
  if (!MESSAGE_KINDS.some((k) => k === parts[0])) return problems;
  if (parts.length < 2 || !(AUDIENCES.some((a) => a === parts[1]) || segments.includes(parts[1]!))) {
    problems.push(
      problem(
        path,
        `an audience after the message kind (one of ${AUDIENCES.join(', ')}); ids for other purposes must not start with a message kind`,
        JSON.stringify(id),
      ),
    );
  } else if (parts.length > 3) {
    problems.push(problem(path, 'at most kind/audience/incident-type', JSON.stringify(id)));
  }
  return problems;
}

/**
 * @module @incident-comms/channel-statuspage
 * The approved customer version of each release on a Statuspage-compatible hosted status page:
 * create the incident, update it with the matching status, resolve it, mark components.
 */
export type { ComponentStatus, IncidentBody, PageSettings, StatuspagePayload } from './incident-request';
export {
  COMPONENT_STATUSES,
  DEFAULT_COMPONENT_STATUS,
  INCIDENT_NAME_LIMIT,
  renderIncidentRequest,
  statuspageBody,
} from './incident-request';
export type { StatuspageChannelOptions } from './statuspage-channel';
export {
  createStatuspageChannel,
  STATUSPAGE_API_URL,
  STATUSPAGE_RATE_LIMITS,
  statuspagePagesSchema,
} from './statuspage-channel';

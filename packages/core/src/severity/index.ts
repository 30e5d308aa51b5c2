/**
 * @module severity
 * Severity ladders and the deterministic classifier that places an incident on one.
 */
export { classifySeverity, type ImpactFacts, type SeverityClassification } from './classify';
export {
  AFFECTED_CUSTOMERS,
  type AffectedCustomers,
  CAN_STILL_WORK,
  type CanStillWork,
  CUSTOMERS_RANK,
  DEFAULT_SEVERITY_LADDER,
  moreSevere,
  SEVERITY_ID_PATTERN,
  type SeverityCondition,
  type SeverityLevel,
  type SeverityRung,
  severityIdSchema,
  severityRank,
  WORK_RANK,
} from './ladder';

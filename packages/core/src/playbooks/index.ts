/**
 * @module playbooks
 * Team playbooks: what support, sales, customer success and the communication owner do right
 * now, as pure functions over the incident state and the runbook.
 */

export { type OutreachItem, outreachList } from './customer-success';
export {
  type EngineeringShield,
  engineeringShield,
  type NewSymptomReport,
  type QuestionBatch,
} from './engineering-shield';
export { FIRST_HOUR_ITEMS, type FirstHourItem, type FirstHourItemId, firstHourChecklist } from './first-hour';
export { claimsFixed, GUESSING_RULES, guessesIn } from './guessing';
export { brokenAreas, incidentAreas, knownSymptoms, personName } from './incident-view';
export {
  ACCOUNT_FLAGS,
  type Account,
  type AccountFlag,
  type AccountInput,
  parseAccounts,
  parseQuestion,
  parseSalesItems,
  parseTicket,
  type QuestionInput,
  SALES_ITEM_KINDS,
  type SalesItem,
  type SalesItemInput,
  type SalesItemKind,
  type Ticket,
  type TicketInput,
} from './inputs';
export {
  APPROVER_TOPICS,
  type ClassifyQuestionOptions,
  classifyQuestion,
  QUESTION_TOPIC_LABELS,
  saysItWorksAgain,
  sensitiveTopics,
  symptomsInText,
  topicOfSymptom,
} from './phrases';
export { SALES_ACTIONS, type SalesAction, type SalesActionKind, salesActions } from './sales';
export {
  ESCALATION_REASONS,
  type EscalationFinding,
  type EscalationReason,
  type QuestionLoggedEvent,
  type RoutedQuestion,
  routeQuestion,
  type TriageResult,
  triageTicket,
} from './support';

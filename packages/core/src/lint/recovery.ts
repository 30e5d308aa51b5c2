/**
 * @module lint/recovery
 * How a draft claims recovery, beyond the words in `phrases.ts` ("fixed", "restored"): a
 * recovery believed ("we think systems are stable"), or expected to have happened ("the issues
 * should be resolved"); and the readings that make a recovery word no claim at all: an intent
 * ("getting things back to normal"), work in progress ("being restored"), a purpose ("to confirm
 * it is resolved"), a habit ("blips that are usually resolved quickly"), a forecast with a time
 * ("back online later this afternoon") and a partial recovery stated as partial ("restored 78%
 * of users", "resolved for the majority of those affected").
 */
import { gate } from './triggers';

/** A recovery the writer only believes: "we think systems are stable", "I believe it is fixed now". */
export const BELIEVED_RECOVERY = gate(
  /\b(?:we|i)\s+(?:think|believe|feel|reckon|hope)\s+(?:that\s+)?(?:[\w'’-]+\s+){0,3}?(?:is|are|'s|’s|'re|’re|has been|have been)\s+(?:(?:now|currently|all|fully|mostly|finally)\s+)?(?:stable|back|working|fixed|resolved|restored|recovered|up|fine|ok|okay|healthy|normal)\b/gi,
  'think believe feel reckon hope',
);

/**
 * A recovery only expected to have happened, with the state named: "everything should be
 * working normally now", "the incident should be mitigated now", "there shouldn't be any
 * errors at this point", "workspaces can be started again". Read with {@link FORECAST_AFTER}:
 * a time or condition after it makes it a forecast.
 */
export const EXPECTED_RECOVERY = gate(
  /\b(?:(?:should|ought to)\s+(?:(?:now|already|all)\s+)?(?:be\s+)?(?:(?:now|all|fully|largely)\s+)?(?:(?:working|running|up and running|operational|mitigated|fixed|resolved|restored|recovered|sorted|back|fine|ok|okay|normal|stable|available)(?:\s+(?:again|normally|as (?:expected|normal|usual)))?|[a-z]+ing\s+(?:again|normally|as (?:expected|normal|usual)))|shouldn['’]t\s+be\s+any\s+(?:more\s+|further\s+)?(?:[\w-]+\s+){0,3}?(?:issues?|problems?|errors?|failures?|delays?|outages?|(?:failed|stuck|missing|delayed|lost)\s+[\w-]+)|can\s+(?:now\s+)?be\s+\w+ed\s+again)\b/gi,
  'should ought again',
);

/**
 * Right before a recovery word: the recovery is only expected to have happened, with no time
 * ("the issues should be resolved", "it ought to be fixed now"): a hedged claim, not a forecast.
 * A forecast names a time or a condition after the word ({@link FORECAST_AFTER}).
 */
export const EXPECTED_BEFORE =
  /\b(?:should|ought to)\s+(?:(?:now|already|all|by now)\s+)?be\s+(?:(?:now|all|fully|largely)\s+)?$/i;

/** After a recovery word: a time or condition that makes "should be resolved" a forecast. */
export const FORECAST_AFTER =
  /^[^.;!?\n]*?\b(?:soon|shortly|later|by|within|in (?:the next|a few|an?|\d+)|over the|for (?:another|a few|the next)|once|when|after|as soon as|before|until|tomorrow|tonight|today|this (?:morning|afternoon|evening))\b/i;

/**
 * Right before a recovery word, an intent: "getting everything back up and running", "bringing
 * our networks back online", "to have things back to normal", "get this issue resolved", "that
 * our services be up and running".
 */
export const INTENT_BEFORE =
  /(?:\b(?:get|getting|bring|bringing|make|making|keep|keeping)\s+(?:[\w'’-]+\s+){0,3}|\bto\s+(?:have|get|bring|make|keep|see)\s+(?:[\w'’-]+\s+){0,3}|\bbe\s+(?:(?:fully|all|now|completely)\s+)?)$/i;

/** Right before a recovery word: work in progress, "services are being restored", "coming back online". */
export const IN_PROGRESS_BEFORE =
  /\b(?:being|coming|starting to come|beginning to come)\s+(?:(?:fully|gradually|steadily|progressively|slowly)\s+)?$/i;

/** Right after a recovery word, a time ahead: "back to normal soon", "fixed in the next release". */
export const SOON_AFTER =
  /^\s*(?:again\s+)?(?:soon|shortly|later\b|momentarily|imminently|any (?:minute|moment)|in the (?:next|coming)\b|(?:over|during) the next\b|in (?:the )?(?:next |upcoming |coming |a future )?(?:version|release|update|build|app update)\b)/i;

/** The clause before a recovery word states a purpose: "monitoring to confirm the issue is resolved". */
export const PURPOSE_BEFORE = /\b(?:to|and)\s+(?:confirm|ensure|verify|check|make sure|see|validate)\b/i;

/** The sentence before a recovery word describes a habit: "blips that are usually resolved quickly". */
export const HABIT_BEFORE =
  /\b(?:typically|usually|generally|often|always|tend to|in most cases|most of the time)\b/i;

// A share of the whole: "78%", "three-quarters", "some", "many", "the majority of".
const SHARE =
  '(?:\\d+(?:\\.\\d+)?\\s?(?:%|per ?cent)|(?:one|two|three|a)[- ](?:quarters?|thirds?|half)|half|some|many|most|parts?|several|a (?:few|number|portion|majority|subset)(?: of)?|the majority(?: of)?|a large (?:part|share|number)(?: of)?)';

/**
 * Right after a recovery word, a share: "restored 78% of users", "restored sync for some users",
 * "resolved for the majority of those affected". The recovery is stated as partial.
 */
export const PARTIAL_AFTER = new RegExp(
  `^\\s+(?:(?:already|now|so far)\\s+)?(?:(?:[\\w'’-]+\\s+){0,2}?for\\s+)?${SHARE}\\s+(?:of\\s+)?(?:[\\w'’-]+\\s*){1}`,
  'i',
);

/**
 * Before a recovery word in its clause, a share as the subject: "three-quarters of our network
 * has been restored", "many services have already recovered".
 */
export const PARTIAL_BEFORE = new RegExp(
  `(?:^|[^\\w-])${SHARE}\\s+(?:of\\s+)?(?:[\\w'’-]+\\s+){0,4}?(?:has|have|are|is|were|was)\\s+(?:(?:now|already|been|also|since|successfully)\\s+){0,3}$`,
  'i',
);

/**
 * Another incident in the past, named so that it cannot be this one ("last week's outage", "a
 * previous incident"). A weekday alone ("the issue on Friday and Saturday") may be this
 * incident's own start, so it does not count here.
 */
export const OTHER_INCIDENT =
  /\b(?:last (?:week|month|year|weekend|time|night)|yesterday|previous|prior|earlier this (?:week|month)|(?:a|one|two|three|four|five|\d+) (?:days?|weeks?|months?) ago|past (?:incident|outage)s?)\b/i;

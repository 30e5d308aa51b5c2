/**
 * @module lint/scope
 * How a draft states who is affected, beyond the phrase lists in `phrases.ts`: a partial group
 * named as the affected ("some users might be seeing errors"), a mild word for the impact
 * ("some delays"), a wide scope denied ("it was not a nationwide outage", "most customers do
 * not use those features"), everyone cut off ("inaccessible to the internet"); and the readings
 * that make a scope word no claim about who is affected: a partial subject ("a number of
 * servers are completely unavailable"), recovery ("all users are now able to log in"), what is
 * left over ("a few customers may still see errors"), a feeling ("frustration for everyone").
 */
import { gate } from './triggers';

// People a message counts when it says who is affected.
const PEOPLE =
  '(?:customers|users|people|members|players|riders|drivers|merchants|shoppers|subscribers|clients|accounts|organi[sz]ations|teams|businesses|sites|stores|of you)';

/**
 * Part of the people named as the affected: "some users", "some riders & drivers", "a number
 * of customers". Says less than a wide or total impact the incident lead confirmed.
 */
export const PARTIAL_PEOPLE = gate(
  new RegExp(
    `\\b(?:some|certain|a number of|a subset of|a portion of)\\s+(?:of\\s+)?(?:our\\s+|your\\s+|the\\s+)?${PEOPLE}`,
    'gi',
  ),
  'some certain number subset portion',
);

/**
 * Around a partial group: it is the affected ("for some users", "some people are having
 * trouble", "some users might see"), not an audience the team acts on ("we are contacting some
 * customers"). Tested on the text before the group (`before`) or right after it (`after`).
 */
export const AFFECTED_BEFORE =
  /\b(?:for|affect(?:s|ing)?|impact(?:s|ing)?|caus(?:es|ing)|prevent(?:s|ing)|stopp?(?:s|ing)|aware(?: that)?|(?:that|where|as))\s+$/i;
export const AFFECTED_AFTER =
  /^\s*(?:[&,]\s*\w+\s+|and\s+\w+\s+)?(?:\w+\s+){0,2}?(?:may|might|could|are|is|were|was|have|has|had|can(?:not|['’]t)?|could(?:n['’]t| not)|won['’]t|will|experienc\w*|see|saw|seeing|face|facing|report\w*|unable|affected|impacted|having|getting)\b/i;

/** A mild word for the impact: "some delays", "minor disruption", "a minor issue". */
export const MILD_IMPACT = gate(
  /\b(?:(?:some|minor|slight|small|short)\s+(?:delays?|disruptions?|interruptions?|hiccups?|glitch(?:es)?|inconvenience)|(?:a\s+)?minor\s+(?:issue|impact|problem|glitch|hiccup|outage)|minimal\s+(?:impact|disruption))\b/gi,
  'some minor slight small short minimal',
);

/**
 * A wide impact denied: "this did not hit all customers", "it was not a nationwide outage",
 * "most customers do not use those features".
 */
export const WIDE_SCOPE_DENIED = gate(
  new RegExp(
    `\\b(?:(?:did|does|do|has|have)\\s*(?:not|n['’]t)\\s+(?:hit|affect|impact|reach|touch)(?:ed)?\\s+(?:all|every|everyone|everybody)\\b|(?:was|is|were|are)(?:\\s+not|n['’]t)\\s+an?\\s+(?:nationwide|national|global|widespread|full|complete|total|major|large-scale|wide-scale)\\s+(?:outage|incident|problem|issue|failure)|(?:most|the (?:vast )?majority of|nearly all|almost all)\\s+(?:of\\s+)?(?:our\\s+|your\\s+|the\\s+)?${PEOPLE}\\s+(?:do|did|are|were|will|would|have|has|should)(?:\\s*not|n['’]t)\\s+(?:use|using|notice|see|affected|impacted|be affected|be impacted|been affected|been impacted|need)\\b)`,
    'gi',
  ),
  'hit affect impact reach touch nationwide national global widespread full complete total major large wide most majority nearly almost',
);

/** Everyone cut off: "became inaccessible to the internet", "unreachable for the whole world". */
export const CUT_OFF_FROM_ALL = gate(
  /\b(?:inaccessible|unreachable|unavailable|offline|cut off)\s+(?:to|for|from)\s+(?:the (?:whole |entire )?(?:internet|world|public)|the rest of the internet)\b/gi,
  'internet world public rest',
);

/** Right after "every customer": a qualifier that makes it a subset ("every customer on the EU cluster"). */
export const QUALIFIED_AFTER =
  /^\s+(?:on|in|using|with|who|whose|that|of|from|at|signing|logging|paying|trying|connecting)\b/i;

/** In the clause before an overclaim: its subject is itself partial ("a number of servers"). */
export const PARTIAL_SUBJECT =
  /\b(?:some|certain|a number of|a few|several|parts? of|a subset of|a portion of|many of)\b/i;

/** In the clause of a scope word: it is about recovery, not about who is affected. */
export const RECOVERY_CLAUSE =
  /\b(?:(?:now|again)\s+(?:able|receiving|working|back)|able to|resum\w*|restor\w*|back to normal|working (?:again|normally|as (?:normal|expected))|as normal)\b/i;

/** In the sentence of a minimiser: what is left after recovery ("a few may still see errors"). */
export const REMAINDER = /\b(?:still|residual|remaining|lingering|leftover|continu\w* to)\b/i;

/** Right before "for everyone": a feeling or thanks, not an impact ("frustration for everyone"). */
export const FEELING_BEFORE =
  /\b(?:pain|frustrat\w*|inconvenien\w*|stress\w*|worry|anxiety|disappoint\w*|upset\w*|thanks?|grateful|gratitude|sorry|apolog\w*|important|priority|appreciat\w*)\s+(?:[\w'’-]+\s+){0,1}$/i;

/** Right after "limited to": a place or region, not a number of people ("limited to the U.S."). */
export const PLACE_AFTER = /^\s+(?:the\s+)?(?:[A-Z]|(?:north|south|east|west)\w*\s)/;

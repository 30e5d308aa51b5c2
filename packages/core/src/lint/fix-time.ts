/**
 * @module lint/fix-time
 * The phrases of a fix-time promise (topic `fixTime`): time expressions (durations, deadlines,
 * day parts), what recovers, and how long a problem lasts. `find-fix-times.ts` decides when
 * a time expression in a sentence is a promise; this module only says what to look for.
 */

import { SPELLED_TIME } from '../time/spelled-clock-times';
import { gate } from './triggers';

const NUMBER =
  '(?:\\d+(?:\\.\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty(?:[- ]five)?|fifty|sixty|ninety|(?:a\\s+)?few|(?:a\\s+)?couple(?:\\s+of)?|several|half\\s+an?|a\\s+half)';
const RANGE = `${NUMBER}(?:\\s*(?:-|–|/|to|or)\\s*${NUMBER})?`;
const UNIT = '(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?)';
const HEDGE =
  '(?:(?:about|around|roughly|approximately|approximate|approx\\.?|up\\s+to|no\\s+more\\s+than|under|less\\s+than|at\\s+least|at\\s+most|another|a\\s+further|an\\s+additional|the\\s+next|the\\s+coming|the)\\s+){0,3}';
/** A length of time: "20 to 40 minutes", "a couple of hours", "most of the day", "another quarter hour". */
const DURATION = `(?:${HEDGE}(?:~\\s*)?${RANGE}\\s?(?:(?:more|further|extra)\\s+)?${UNIT}|(?:a\\s+)?(?:short|little)\\s+(?:time|while)|${HEDGE}quarter[- ]hour|(?:the\\s+)?(?:next|coming)\\s+(?:few\\s+|couple\\s+of\\s+|several\\s+)?(?:minutes|hours|days|hour|day)|(?:most|the\\s+rest)\\s+of\\s+the\\s+(?:day|morning|afternoon|evening|night|week|weekend)|an?\\s+(?:hour|day)\\s+or\\s+(?:two|so)|(?:another|a\\s+further|one\\s+more)\\s+(?:hour|day|week|half[- ]hour))`;
const ZONE_NAME = '(?:UTC|GMT|[ECMP][SD]?T|[ECMP]T|CES?T|BST|IST|AEST|JST)';
const ZONE = `(?:\\s?${ZONE_NAME})?`;
/** A clock time in digits ("3pm", "15:30 UTC") or words ("three o'clock", "half past four", "ten am"). */
const CLOCK = `(?:${SPELLED_TIME}|\\d{1,2}(?::\\d{2})?(?:\\s?[ap]\\.?m\\.?)?(?:ish)?)${ZONE}`;
/** A clock time that cannot be a count: "for 3pm", "for 15:30" (not "for 30 seconds"). */
const MARKED_CLOCK = `(?:${SPELLED_TIME}|\\d{1,2}:\\d{2}(?:\\s?[ap]\\.?m\\.?)?|\\d{1,2}\\s?[ap]\\.?m\\.?)${ZONE}`;
const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/**
 * A calendar date: "the 9th", "December 9", "9 December", "the 9th of December" (not "the 3rd
 * party" or "the 2nd attempt": an ordinal that counts something).
 */
const DATE = `(?:(?<![\\d.])(?:[0-2]?\\d|3[01])(?:/(?:0?[1-9]|1[0-2])(?:/(?:\\d{4}|\\d{2}))?|\\.(?:0[1-9]|1[0-2])(?:\\.\\d{4})?)(?!\\d|\\.\\d|\\s*(?:%|percent|seconds?|minutes?|hours?|x\\b|times\\b))|(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)(?:\\s+of\\s+${MONTH})?(?!\\s+(?:party|parties|time|attempt|try|floor|quarter|percentile|place|step|version|edition|release|line|tier)\\b)|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?!\\d)|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\b)`;
const DAY_PART = `(?:end\\s+of\\s+(?:the\\s+)?(?:day|week|business)(?:\\s+${DAY})?|eod|cob|close\\s+of\\s+business|tonight|this\\s+(?:afternoon|evening|morning)|tomorrow(?:\\s+(?:morning|afternoon|evening))?|the\\s+end\\s+of\\s+the\\s+(?:day|week)|lunch(?:time)?|(?:tea|dinner|supper)-?time|(?:tmrw|tmr|tomoz)(?:\\s+(?:am|pm|morning|afternoon|evening))?|${DAY}|the\\s+weekend|close\\s+of\\s+play|(?:the\\s+)?(?:early|late|mid-?)\\s*(?:morning|afternoon|evening)|(?:the\\s+)?(?:morning|afternoon|evening)|next\\s+(?:week|${DAY})|the\\s+top\\s+of\\s+the\\s+hour)`;

/**
 * An hour in words with nothing after it that it could count: "back by five.", "fixed by
 * eleven tonight" (not "reduced by five percent", "by five customers").
 */
const BARE_HOUR =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=\\s*(?:[.,;!)]|$)|\\s+(?:today|tonight|tomorrow|this\\s+(?:afternoon|evening|morning)|at\\s+the\\s+latest)\\b)';
// "by around noon", "at about half past four": a hedge between the preposition and the time.
const ROUGHLY = '(?:(?:about|around|roughly|approximately|approx\\.?|sometime|some\\s+time|after)\\s+)?';

/**
 * Time expressions a promise can carry. Group 1 is set when the expression only ever points
 * forward ("within the hour", "over the next hour", "take up to 12 hours", "shortly"); otherwise
 * (a deadline or a day part: "by 3pm", "by end of day", "today", "this afternoon") a promise
 * word must be near ("will", "expect", "should").
 */
export const FIX_TIME_EXPR = new RegExp(
  `\\b(?:(${[
    `(?:in|within|over|during|after|for)\\s+${DURATION}`,
    `another\\s+${DURATION}`,
    `(?:needs?|give\\s+us)\\s+(?:another\\s+)?${DURATION}`,
    `(?:~\\s*)?\\d+\\s?(?:minutes?|mins?|hours?|hrs?)\\s+(?:till|until)\\b`,
    `wait\\s+(?:for\\s+)?${DURATION}`,
    `tak(?:e|es|ing)\\s+(?:us\\s+|you\\s+)?(?:\\w+\\s+)?(?:${DURATION}|hours|days|weeks)`,
    'shortly',
    '(?<!\\b(?:as|too)\\s)soon(?!\\s+as\\b)',
    'momentarily',
    'in\\s+(?:a\\s+jiffy|no\\s+time|a\\s+(?:bit|tick|sec|second|moment))',
    'any\\s+minute(?:\\s+now)?',
    'imminently',
    'later\\s+(?:today|tonight|this\\s+(?:morning|afternoon|evening))',
    'within\\s+the\\s+hour',
    'as\\s+the\\s+(?:day|morning|afternoon|evening|week)\\s+(?:progresses|goes\\s+on|continues)',
    'over\\s+the\\s+(?:course\\s+of\\s+the\\s+)?(?:day|weekend|next\\s+\\w+)',
    'through(?:out)?\\s+(?:this|the)\\s+(?:evening|afternoon|night|morning|weekend|day)',
    'through\\s+tonight',
    // "in tomorrow's release", "during tonight's maintenance window": a release slot ahead.
    `(?:in|during|with|for|as\\s+part\\s+of)\\s+(?=\\w+['’]s\\s)(?:tonight|tomorrow|${DAY}|next\\s+week)['’]s\\s+(?:[\\w:-]+\\s+){0,3}?(?:release|deploy(?:ment)?|update|maintenance|window|build|rollout)`,
  ].join(
    '|',
  )})|(?:(?:by|at|around|before|b4|until|till|no\\s+later\\s+than|from)\\s+${ROUGHLY}(?:${DAY_PART}|${DATE}|${CLOCK}|${BARE_HOUR})|on\\s+(?:${DAY}(?:,?\\s+${DATE})?|${DATE})|(?:in|with)\\s+the\\s+(?=\\d)\\d{1,2}(?::\\d{2})?\\s?(?:[ap]\\.?m\\.?)?${ZONE}\\s+(?:release|deploy(?:ment)?|build|update|maintenance|rollout|(?:change|release|deploy(?:ment)?)\\s+window)|(?<=\\b(?:on\\s+track|on\\s+schedule|planned|scheduled|slated|targeted|set|booked|lined\\s+up|queued(?:\\s+up)?|timed|pencil?led\\s+in)\\s+)for\\s+${ROUGHLY}(?:${DAY_PART}|${MARKED_CLOCK})|today|tonight|this\\s+(?:afternoon|evening|morning)|tomorrow|overnight))(?![\\w:]|['’]s\\b)`,
  'gi',
);

/** A label that states a forecast: "ETA", "estimated resolution time", "current estimate". */
const ESTIMATE_LABEL = `(?:(?:fix|patch|hotfix)\\s+(?:release|deploy(?:ment)?|rollout|go-live)(?:\\s+time)?(?=\\s*[:=–—-])|(?:estimated\\s+)?time\\s+(?:remaining|left)|(?:planned|target|expected|estimated)\\s+(?:resolution|fix|repair|restoration|recovery)\\s+(?:date|time)|(?:resolution|fix|repair|restoration|recovery)\\s+(?:target|date)(?:\\s+of)?|(?:estimated|est\\.?)\\s+(?:power|service|supply|water|gas|heating|internet|broadband)\\s+(?:on|back|restor\\w*)|(?:restore|restoration|fix|repair|recovery)\\s+(?:est\\.?|estimate)|(?:ETA|ETR|ETTR|ERT)(?:\\s+(?:for|on|to)\\s+(?:a\\s+|the\\s+)?(?:full\\s+)?(?:fix|resolution|recovery|restoration|service))?|(?:estimated|est\\.?)\\s+(?:time\\s+(?:of|to)\\s+)?(?:resolution|recovery|restoration|restore|repair|fix|completion)(?:\\s+time)?(?:\\s+\\(\\w+\\))?|(?:expected|target(?:ed)?|projected|anticipated)\\s+(?:time\\s+to\\s+)?(?:resolution|recovery|restoration|restore|repair|fix)(?:\\s+time)?|expected\\s+back(?:\\s+(?:online|up))?|(?:current|latest|updated|revised|new|best)\\s+(?:estimate|ETA)(?:\\s+for\\s+(?:the\\s+)?(?:fix|resolution|recovery|restoration))?)`;
/** A fix given a slot: "the fix is due", "restoration is booked", "recovery is on schedule". */
const SCHEDULED_FIX = `(?:fix|hotfix|patch|repair|restore|restoration|recovery|resolution|rollback)(?:\\s+(?:release|deployment|deploy|rollout|build|job))?(?:\\s+(?:is|remains|has\\s+been|['’]s\\s+been))?\\s+(?:(?:now|currently|still)\\s+)?(?:due(?:\\s+back)?|expected|scheduled|planned|booked(?:\\s+in)?|slated|timed|lined\\s+up|queued(?:\\s+(?:up|for\\s+(?:release|deployment|rollout)))?|pencil?led\\s+in|on\\s+schedule)`;
// What may sit between a label and its time: "ETA: about", "estimate remains", "due at", "ETA ~".
const LABEL_JOIN = `(?:\\s*(?:[:~≈=]|[-–—](?=\\s)|approx\\.|\\b(?:is|of|remains|stays|still|now|currently|at|for|by|around|about|approximately|approx|roughly|sometime|has|moved\\s+to|changed\\s+to)\\b)){0,4}\\s*`;
/** A time a label can carry: a length, a marked clock time, a day part or a date. */
const LABEL_TIME = `(?:${DURATION}|(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?\\s+)?${MARKED_CLOCK}|(?:[01]\\d|2[0-3])[0-5]\\d\\s?${ZONE_NAME}|(?:within\\s+)?the\\s+hour|\\d{1,2}\\s?${ZONE_NAME}|${DAY_PART}|${DATE}|\\d{4}-\\d{2}-\\d{2})`;

/**
 * A fix time stated outright, with no verb to read: a forecast label and its time ("ETA ~
 * 15:30 UTC", "Estimated resolution: 16:30 UTC", "Our current estimate is two hours").
 */
export const ESTIMATE_STATED = gate(
  new RegExp(`\\b${ESTIMATE_LABEL}${LABEL_JOIN}${LABEL_TIME}(?![\\w:])`, 'gi'),
  'eta etr ettr ert est estimat expect target project anticipat remain left planned restor fix repair recover',
);

/** A fix given a slot: "Fix due 4:30pm", "Restoration is booked for 3pm", "recovery is on schedule for 15:30". */
export const FIX_SCHEDULED = gate(
  new RegExp(`\\b${SCHEDULED_FIX}${LABEL_JOIN}${LABEL_TIME}(?![\\w:])`, 'gi'),
  'due expect schedul plan booked slated timed lined queued pencil',
);

/**
 * A fix booked by someone, with a verb and its object: "we've booked the fix deployment for
 * 10:30", "we have scheduled a rollback for 13:15", "the team lined up the patch for tonight".
 * The slot is the forecast, whatever follows it.
 */
export const FIX_BOOKED = gate(
  new RegExp(
    `\\b(?:booked|scheduled|planned|slated|queued(?:\\s+up)?|lined\\s+up|timed|pencil?led\\s+in|arranged|set|(?:pushing|rolling|shipping|deploying|releasing|applying|putting)(?:\\s+out)?)\\s+(?:in\\s+)?(?:the|a|an|our|their|its)\\s+(?:[\\w-]+\\s+){0,2}?(?:fix|hotfix|patch|repair|restore|restoration|rollback|roll-?back|failover|recovery|restart|reboot)(?:\\s+(?:deployment|deploy|release|rollout|roll-?out|window|job))?(?:\\s+(?:out|live))?(?:\\s+(?:to|across|for)\\s+(?:all|every|each|the|our|your)\\s+(?:[\\w-]+\\s+){0,2}?[\\w-]+)?\\s+(?:(?:for|at|by|around)\\s+${ROUGHLY})?(?:${DAY_PART}|${MARKED_CLOCK}|${DATE}|\\d{1,2}\\s?${ZONE_NAME}|today|\\d{1,2}(?=\\s*[.,;!]|\\s*$))(?![\\w:])`,
    'gi',
  ),
  'booked schedul planned slated queued lined timed pencil arranged set pushing rolling shipping deploying releasing applying putting',
);

/**
 * How much more disruption to expect: "expect another 45 minutes of disruption", "you may see
 * up to two hours of delays". A forecast of when the problem ends, stated as a length.
 */
export const DISRUPTION_AHEAD = gate(
  new RegExp(
    `\\b(?:expect(?:ing)?|anticipate|(?:will|may|might|could|['’]ll)\\s+(?:(?:still|continue\\s+to)\\s+)?(?:see|have|experience|face|get))\\s+(?:(?:another|a\\s+further|an?\\s+(?:additional|extra)|up\\s+to|around|about|roughly|at\\s+least|no\\s+more\\s+than)\\s+)+(?:${RANGE}\\s?(?:(?:more|further|extra)\\s+)?${UNIT}|hour|day)\\s+of\\s+(?:\\w+\\s+)?(?:disruption|downtime|delays?|errors?|slowness|instability|outages?|interruptions?|issues|problems|degraded\\s+\\w+)\\b`,
    'gi',
  ),
  'expect anticipat see have experienc face get',
);

/**
 * The problem's end, stated as a time: "the outage ends at 17:00", "the disruption is expected
 * to last until around 6pm", "errors should be over by noon".
 */
export const PROBLEM_ENDS = gate(
  new RegExp(
    `\\b(?:outage|disruption|downtime|interruption|incident|degradation|issues?|problems?|errors?|delays?|slowness|slowdown|performance|congestion|buffering|lag|latency|timeouts|failures|(?:load(?:ing)?|response|wait(?:ing)?)\\s+times|dropped\\s+calls)(?:\\s+(?:to|of|at|on|in|for|with)\\s+(?:[\\w'’-]+\\s+){0,2}?[\\w'’-]+)?\\s+(?:ends|finishes|clears|eases(?:\\s+off)?|subsides|stops|is\\s+over|lasting|to\\s+(?:last|ease(?:\\s+off)?|subside|stop|end|clear|persist|continue)|(?:(?:is|are)\\s+)?(?:expected|due|set|likely|forecast)\\s+to\\s+(?:end|finish|clear|ease(?:\\s+off)?|subside|stop|be\\s+over|last|persist|continue|go\\s+on)|(?:will|should|may|might|could|['’]ll)\\s+(?:(?:likely|probably|still)\\s+)?(?:end|finish|last|ease(?:\\s+off)?|subside|stop|be\\s+over|persist|continue|go\\s+on))\\s+(?:(?:until|till|through|by|at|around|before|for|within|in|over)\\s+)?${ROUGHLY}(?:${DAY_PART}|${MARKED_CLOCK}|${DATE}|${DURATION}|\\d{1,2}(?=\\s*[.,;!]|$))(?![\\w:])`,
    'gi',
  ),
  'outage disruption downtime interruption incident degradation issue problem error delay slow performance congestion buffering lag latency timeout failure time dropped',
);

/**
 * Any work booked for a slot, active voice: "we've scheduled the certificate renewal for 11:00
 * UTC". A promise only with a consequence that recovers ("..., which will clear the errors"):
 * `find-fix-times.ts` reads the rest of the sentence.
 */
export const WORK_BOOKED = gate(
  new RegExp(
    `\\b(?:booked|scheduled|planned|slated|set|lined\\s+up|pencil?led\\s+in|queued(?:\\s+up)?|timed)\\s+(?:in\\s+)?(?:the|a|an|our|their|its)\\s+(?:[\\w-]+\\s+){1,3}?(?:for|at)\\s+${ROUGHLY}(?:${DAY_PART}|${MARKED_CLOCK}|${DATE}|\\d{1,2}\\s?${ZONE_NAME})(?![\\w:])`,
    'gi',
  ),
  'booked schedul planned slated set lined pencil queued timed',
);
/** After a slot, what it brings about: ", which will clear", "and should restore", "after which ... will". */
export const SLOT_CONSEQUENCE =
  /^\s*[,;:–—-]?\s*(?:after\s+which|which|that|and|then|once\s+(?:it['’]s|it\s+is)\s+(?:done|in|live))\b[^.]{0,80}?\b(?:will|should|['’]ll|ought\s+to|is\s+expected\s+to|expect)\b|^\s+(?:(?:morning|afternoon|evening)\s+)?to\s+$/i;
/** A fix a length of time away: "resolution is about 30 minutes away", "we're an hour from a fix". */
export const FIX_AWAY = gate(
  new RegExp(
    `\\b(?:(?:fix|resolution|recovery|restoration|repair)\\s+(?:is|are|['’]s|remains|looks|seems)\\s+(?:(?:still|only|probably|likely|maybe)\\s+)*${DURATION}\\s+(?:away|out|off)|(?:we['’]re|we\\s+are)\\s+(?:(?:still|only|probably|likely|maybe)\\s+)*${DURATION}\\s+(?:away\\s+)?from\\s+(?:(?:a\\s+|the\\s+|full\\s+)*(?:fix|resolution|recovery|restoration|repair)|(?:getting|having|bringing)\\b)|(?=[\\d~]|(?:about|around|roughly|approx\\w*|another|an?|one|two|three|four|five|six|few|couple|several|half)\\b)${DURATION}\\s+(?:to|until|till)\\s+(?:(?:a|the|full|complete)\\s+)*(?:fix|resolution|recovery|restoration))\\b`,
    'gi',
  ),
  'fix resolution recovery restoration repair away getting having bringing',
);

/**
 * A target time for the fix, or work with time left: "we're targeting Thursday afternoon for
 * the permanent fix", "the database rebuild has roughly 40 minutes left".
 */
export const FIX_TARGETED = gate(
  new RegExp(
    `\\b(?:(?:targeting|targetting|aiming\\s+for)\\s+${ROUGHLY}(?:${DAY_PART}|${MARKED_CLOCK}|${DATE})(?:\\s+(?:morning|afternoon|evening|night))?\\s+for\\s+(?:(?:a|the|full|complete|permanent|final)\\s+)*(?:fix|resolution|recovery|restoration|repair)|(?:fix|repair|restore|restoration|recovery|rebuild|migration|rollout|roll-?back|reindex\\w*|backfill)\\s+(?:has|have|['’]s\\s+got)\\s+${DURATION}\\s+(?:left|remaining|to\\s+go)|(?:estimate|reckon|expect|think)\\s+${DURATION}\\s+(?:left|remaining|to\\s+go))\\b`,
    'gi',
  ),
  'target aiming left remaining go',
);
/**
 * The reader asked to wait before acting (runbook policy: a wait is a fix-time promise): "give
 * it 15 minutes and then restart the app", "hold off on resubmitting until tomorrow morning",
 * "try booking again after 6pm", "we recommend waiting until after 2pm before another transfer".
 */
export const READER_WAIT = gate(
  new RegExp(
    `\\b(?:(?:giv(?:e|ing)\\s+it|hang\\s+on|hold\\s+on)\\s+(?:for\\s+)?${DURATION}\\s+(?:and|then|before)\\b|(?:hold(?:ing)?\\s+off(?:\\s+(?:on\\s+)?[\\w-]+(?:\\s+[\\w-]+)?)?|wait(?:ing)?)\\s+until\\s+(?:after\\s+)?${ROUGHLY}(?:${MARKED_CLOCK}|${DAY_PART}|${DATE})(?:\\s+(?:before|to|and)\\s+(?:re|try|attempt|submit|log|sign|book|order|pay|send)\\w*)?|(?:(?:try|attempt)\\w*(?:\\s+[\\w-]+){0,2}?\\s+again|(?:retry|re-?(?:upload|submit|send|book|order|try|enter|apply|queue))\\w*(?:\\s+[\\w-]+){0,3}?(?:\\s+again)?)\\s+(?:after|from)\\s+${ROUGHLY}(?:${MARKED_CLOCK}|${DAY_PART}))(?![\\w:])`,
    'gi',
  ),
  'give giving hang hold wait try retry attempt re',
);

/**
 * Time still needed, said on its own: "it will be another 2 hours or so", "we need another
 * hour", "give us 20 minutes", "another 30 mins max". The length ends the clause: nothing
 * after it says it is about something else.
 */
export const TIME_NEEDED = gate(
  new RegExp(
    `(?:\\b(?:it['’]ll|it\\s+will|it['’]s\\s+going\\s+to|it\\s+should|it\\s+may|it\\s+might|it\\s+could)\\s+(?:probably\\s+|likely\\s+)?be|\\b(?:we|we['’]ll|we\\s+will|we\\s+may|we\\s+might)\\s+(?:still\\s+)?need|\\bgive\\s+us|(?:^|[.!?]\\s+)(?=(?:another|approx\\.?|about|around|roughly|maybe)\\s))\\s*(?:(?:approx\\.?|maybe)\\s+)?${DURATION}(?:\\s+(?:or\\s+so|max|tops|at\\s+most|or\\s+two))?(?=\\s*(?:[.!,;]|$))`,
    'gim',
  ),
  'another further need give about around roughly approx maybe',
);

/**
 * A wait until a time: "it may be 5pm before checkout is back", "it could be another hour
 * before payments work again", "it'll be tomorrow before ...".
 */
export const WAIT_BEFORE = gate(
  new RegExp(
    `\\b(?:(?:may|might|could|will|would|won['’]t|['’]ll|gonna|going\\s+to|(?:likely|expected)\\s+to)\\s+(?:well\\s+|probably\\s+|likely\\s+)?be|(?:we['’]re|we\\s+are|you['’]re|you\\s+are)\\s+(?:probably\\s+|likely\\s+)?looking\\s+at|(?:we['’]d|we\\s+would|i['’]d|we)\\s+(?:guess|estimate|reckon|say|think)(?:\\s+it['’]s)?|expect)\\s+${ROUGHLY}(?:${MARKED_CLOCK}|${DAY_PART}|${DATE}|another\\s+(?:${DURATION}|hour|day|week|half\\s+hour)|${DURATION})(?:\\s+at\\s+the\\s+(?:earliest|latest))?\\s+before\\b`,
    'gi',
  ),
  'before',
);

/** What gets fixed or recovers: the subject of a fix-time promise. */
export const RECOVERY_TERM =
  /\b(?:fix(?:ed|es|ing)?|resolv(?:ed|es|e|ing)|rectif\w*|repair(?:ed|s|ing)?|retry(?:ing)?|resolution|restor(?:ed|e|ing|ation)|recover(?:ed|y|ing|s)?|restart(?:s|ed|ing)?|reopen(?:s|ed|ing)?|rollback|roll\s+back|hotfix(?:es|ed)?|patch(?:ed|es)?|(?:is|are)\s+working|(?:flow|load|send|sync|arriv|process|respond)\w*\s+again|all\s+good|be\s+over|resum(?:e|es|ed|ing|ption)|back(?: up| online| to normal)?|be up|up again|work(?:s|ing)? (?:again|normally)|running(?: again)?|up and running|live|available(?: again)?|operational|normali[sz](?:e|es|ed|ing)|reconnect(?:ed|s|ing|ion)?|(?:fully\s+)?functional(?:\s+again)?|good\s+again|(?:mov|run|operat|function|process)\w*\s+(?:(?:normally|properly)\s+)?(?:again|normally)|corrected|settle(?:s|d)?\s+down|improv(?:e|es|ing)|go(?:es)?\s+through\s+(?:normally|again|as\s+normal)|rebuil(?:d|ds|t|ding)|re-?(?:index|process|sync)\w*|backfill\w*|(?:fully|properly|normally)\s+working|deployed|rolled out|in place|sorted|clear(?:ed)?|drain(?:ed)?|caught up|catch up|delivered|processed|done|finished|complete(?:d)?|normal|stable|stabili[sz]\w*|try again|(?:try|trying|access\w*|log(?:ging)? in|sign(?:ing)? in|check(?:ing)?|use|using|come back)(?:\s+\S+){0,3}\s+again|return(?:s|ed)?(?: to normal)?)\b/gi;

/**
 * The problem goes on for a while: "may continue to see some issues", "residual issues", "will
 * stay slow", "won't be up". A duration next to one is a promise of when it ends.
 */
export const PROBLEM_LASTS =
  /\b(?:continu(?:e|es|ing) to (?:see|experience|have|notice|be)|residual|(?:may|might|will|could|['’]ll) (?:still |likely |probably )?(?:see|experience|notice|have(?!\s+(?:seen|had|experienced|noticed|been)\b))|expect (?:(?:some|more|further|intermittent|occasional|continued|ongoing)\s+)*(?:errors|failures|delays|disruption|issues|problems|slowness|timeouts|outages?|interruptions?)|(?:remain|stay)s? (?:slow|down|unavailable|degraded|offline|delayed|affected)|(?:will|'ll|’ll) (?:be|remain|stay) (?:slow|down|unavailable|degraded|offline|delayed|affected))\b/i;

/**
 * Work after recovery, not a fix time: "to prevent this in future", "a permanent fix", "issues
 * like this", "this sort of error". A time in such a sentence dates follow-up work.
 */
export const FOLLOW_UP_WORK =
  /\b(?:in (?:the )?future|permanent(?:ly)?|long[- ]term|prevent\w* (?:this|it|that|these|a repeat|recurrence|similar|such|future)|(?:happen|happening|occur|occurring) again|(?:issues|problems|incidents|errors|outages) like this|(?:this|that) (?:sort|kind|type) of|post-?mortem|root cause analysis|follow-up work)\b/i;

/**
 * Recovery claimed with a hedge or for only part of the service, as if it were whole: "the
 * workers ought to be up again", "most requests look healthy again", "it seems to be back",
 * "mostly restored". A claim all the same: recovery is not confirmed.
 */
export const HEDGED_RECOVERY = gate(
  /\b(?:(?:seems?|appears?|looks?|ought)\s+(?:like\s+)?(?:(?:it|things|everything|we|they|service|services)(?:['’]s|['’]re| is| are)?\s+)?(?:to\s+be\s+)?(?:(?:fully|mostly|now|all|largely)\s+)?(?:back|up|working|resolved|fixed|restored|recovered|healthy|normal|stable|fine|ok|okay|good)(?:\s+again)?|(?:most|many|the majority of|nearly all|almost all)\s+(?:of\s+)?(?:\w+\s+){0,2}(?:look|looks|are|seem|appear|is)\s+(?:to be\s+)?(?:healthy|normal|fine|ok|okay|good|stable|working|back)(?:\s+again)?|(?:mostly|largely|partially|almost|nearly)\s+(?:back|restored|recovered|resolved|fixed|working)(?:\s+(?:to normal|again))?)\b/gi,
  'seem appear look ought most many majority nearly almost mostly largely partially',
);

// A word in the object of a watching verb ("the checkout fix", "the restored service"): not a
// conjunction, modal, pronoun subject or time word that would start a claim of its own, nor
// "a fix" or "toward a fix", which is still to come ("we are tracking a fix for this afternoon").
const OBJECT_WORD =
  "(?!(?:a|an|toward|towards|and|or|then|will|would|should|shall|can|could|may|might|must|expect\\w*|is|are|was|were|be|been|to|we|they|you|by|until|before|within|in|for|over|during|it['’]s)\\b)[\\w'’-]+";

/**
 * A watching verb whose object runs up to the end of the text: "keep monitoring the ", "watch
 * the ", "keep an eye on the ", "observe the ", "track the ". The recovery word right after is
 * what the team watches, not what it promises. "on track" is progress, not watching.
 */
export const WATCHING_OBJECT = new RegExp(
  `\\b(?:(?:keep|keeps|kept|keeping)\\s+(?:an\\s+eye|watch|tabs|close\\s+watch)\\s+on|(?:keep(?:s|ing)?\\s+|kept\\s+)?track\\s+of|monitor\\w*|watch(?:es|ed|ing)?|observ(?:e|es|ed|ing)|(?<!\\bon\\s)track(?:s|ed|ing)?)(?:\\s+${OBJECT_WORD}){0,4}\\s+$`,
  'i',
);

/** A recovery word that is watched: "the fix will be monitored", "the recovery is being watched". */
export const WATCHED_AFTER =
  /^(?:\s+[\w'’-]+){0,2}?\s+(?:will|is|are|'ll|’ll)\s+(?:continue\s+to\s+|still\s+)?(?:be|being|remain)\s+(?:(?:closely|carefully|actively)\s+)?(?:monitored|watched|observed|tracked|under\s+(?:observation|watch|monitoring|close\s+watch))\b/i;

/**
 * A claim of its own beside a watched recovery word, in its clause: "we are monitoring the fix
 * and expect it within the hour", "... and will ship it by noon", "watch the fix take effect
 * over the next hour". Staying on the work ("and will stay on it until end of day") is not one.
 */
export const OWN_CLAIM =
  /\b(?:expect\w*|should|shall|aim\w*|hope\w*|plan\w*|anticipat\w*|estimat\w*|target\w*|confident|going to|ship\w*|deploy\w*|releas\w*|roll\w*|push\w*|apply\w*|complet\w*|finish\w*|land\w*|ready|propagat\w*|kick\w* in|tak(?:e|es|ing) effect|(?:have|get|bring|make)\s+(?:it|this|that|them|things)|(?:it|this|that|everything|things|service|they)\s+(?:will|should|is|are|'ll|’ll))\b/i;

// ---------------------------------------------------------------------------------------
// What reads a time as a promise, or as something else (used by `find-fix-times.ts`).

/** A watching verb right before a time: "we will keep monitoring for the next hour". */
export const WATCH_BEFORE =
  /\b(?:monitor\w*|watch\w*|observ\w*|keep an eye on (?:it|this|things))(?:\s+(?:it|this|things|closely))?\s+$/i;
/** A span that looks back: "over the previous two hours", "for the past hour". */
export const PAST_SPAN = /\b(?:subsequent|following|previous|past|first|preceding|last)\b/i;
/** Effort right before a span: "working through the night", "staffed around the clock over". */
export const EFFORT_BEFORE =
  /\b(?:work(?:s|ed|ing)?|be working|continue|staff(?:ed)?|on (?:it|this))\s+(?:hard\s+|around the clock\s+)?$/i;

/**
 * Effort or intent toward a recovery, which a deadline after it turns into a promise: "working
 * to restore it by noon", "trying to get it back by 3pm", "we'd like to have it fixed by end
 * of day", "possibly back by noon". Without a deadline ("working to resolve today's outages")
 * it promises nothing.
 */
export const EFFORT_TOWARD =
  /\b(?:work(?:s|ing)?(?:\s+(?:hard|around the clock|flat out))?\s+(?:to|on)|(?:trying|looking|aiming|racing|pushing|striving|committed|determined|hoping|able|want|wants|would like|['’]d like|ought)\s+to|(?:need|needs|hope|hopes|expect|expects)\s+to\s+(?:have|get)|doing (?:everything|all|what) (?:we|they) can to|(?:it\s+is|it['’]s)\s+possible\s+that|focused on|want(?:s)? (?:it|this|that|them|everything)|possibly|perhaps|maybe|tentatively|(?:we['’]re|we are|we['’]ll be|we will be)\s+looking at|fingers crossed|a chance|on (?:course|target) (?:to|for))\b/i;
/**
 * A schedule a deadline or a clock time completes: "due to resume at 15:00 UTC", "set to go
 * live at 3pm", "the fix is queued for release at 16:00", "recovery is scheduled at 5pm".
 */
export const SCHEDULED_TO =
  /\b(?:(?:due|set|scheduled|slated)\s+to|(?:scheduled|booked|queued|slated|timed|lined\s+up|planned)\s+(?:for\s+(?:release|deployment|rollout)\s+)?(?=at\b)|on\s+schedule)\b/i;
/**
 * Effort aimed at a recovery still to come, right before it: "working to restore", "trying to
 * get it back". With a day after it ("working to restore service today"), a promised fix time.
 */
export const EFFORT_JUST_BEFORE =
  /\b(?:work(?:s|ing)?(?:\s+(?:hard|around the clock|flat out))?|trying|aiming|racing|pushing|striving|committed|determined|hoping|need|needs)\s+to\s+(?:(?:have|get|bring)\s+(?:[\w'’-]+\s+){0,3}?)?$/i;
/**
 * Recovery words that are the reader's or the team's own action, not an outcome: "retry",
 * "try again", "log in", "restart some servers", "roll back". Effort toward them is advice or
 * work, not a promised fix time.
 */
export const READER_ACTION = /^(?:retry|try|use|using|access|log|sign|check|come|restart|reopen|roll)/i;
/** A negated verb right before a recovery: "may not be fully restored", "won't have a fix". */
export const NOT_BEFORE = /\b(?:not|never|n['’]t)\s+(?:[\w'’-]+\s+){0,3}$/i;
/** A negation that tells history: "did not come back until 17:00", "had not resumed until". */
export const PAST_NOT = /\b(?:did|had|was|were)(?:\s+not|n['’]t)\b/i;
/**
 * A participle that gives the noun before it a time, before a time that comes first: "payouts
 * due at 5pm will be paid", "subscriptions due for renewal by December 9", "payouts scheduled
 * for 3pm today".
 */
export const DATED_BY_TIME =
  /\b(?:due|scheduled|planned|placed|made|sent|submitted|booked|created|received|issued|raised|opened)(?:\s+for\s+\w+)?(?:\s+(?:for|at|by|on|before|after)\s+[\w:]+(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s+$/i;
/** A participle that dates the noun before it wherever the time is: "orders placed this morning". */
export const DATED_NOUN =
  /\b(?:placed|made|sent|submitted|created|received|issued|raised|opened|deleted|lost|cancell?ed|charged|taken|missed)\s+$/i;
/** A routine, not a recovery: "the daily sync resumes at 02:00", "support hours resume at 9am". */
export const ROUTINE =
  /\b(?:each (?:night|day|morning|evening|week)|every (?:night|day|morning|evening|week|hour)|daily|nightly|weekly|(?:support|opening|business|office|trading) hours|promotion|unaffected|not affected|(?:normal|usual|regular)\s+(?:schedule|hours|timetable)|(?:per|on)\s+(?:its|our|their|the|a)\s+(?:normal|usual|regular)\b)\b/i;
/**
 * Habit or plan, which makes a present-tense schedule, a stated slot or a bare "take hours"
 * routine: "trading resumes at 8am, as usual", "bank transfers normally take hours". A
 * forecast with it still promises ("exports usually resolve themselves after a short time",
 * "checkout will be fixed in 10 minutes, so we can keep the demo as planned").
 */
export const HABITUAL =
  /\b(?:normally|usually|typically|as (?:usual|normal|planned|always|scheduled|is normal))\b/i;
/** Planned downtime, not an incident: "during planned maintenance tonight", "scheduled maintenance is due to complete". */
export const PLANNED_MAINTENANCE =
  /\b(?:planned|scheduled|routine)\s+(?:[\w-]+\s+)?(?:maintenance|upgrades?|downtime|outages?|migrations?|works?)\b|\bmaintenance\s+window\b/i;
/** People or a staffed channel, whose coming back is not the service's: "our London team will be back online". */
export const PEOPLE_SUBJECT =
  /\b(?:team|agents?|staff|office|colleagues|customer\s+care|(?:chat|phone|live)\s+support|help\s?desk|support\s+(?:team|desk|staff|agents?))(?:\s+(?:will|['’]ll|is|are|be|can|may|should|would|also|then))*\s*$/i;
/** An estimate given before: "earlier we estimated recovery by 14:00", "we previously said we expected". */
export const WITHDRAWN_BEFORE =
  /\b(?:previously|earlier|originally|initially)\b[^.]*\b(?:said|estimated|expected|told|hoped|thought|announced|shared)\b/i;
/** A staffed channel or team as the subject of a schedule: "chat support goes live at 8am". */
export const STAFFED_SUBJECT =
  /\b(?:chat|phone(?:\s+lines?)?|support|customer\s+care|help\s?desk|team|office|agents?|staff|ceo|cto|manager|lead|engineers?|branch(?:es)?|clinics?|surgery|depots?|counters?|doctors?|drivers?|couriers?|offices|(?:contact|call)\s+cent(?:re|er)s?|(?<!(?:online|web|app)\s)(?:store|shop)s?|caf[eé]s?|restaurants?|gyms?|pools?|librar(?:y|ies)|museums?|training|classes|lessons|practices?|schools?)\b/i;
/** An estimate that did not hold, later in the sentence: "but that didn't happen", "no longer". */
export const DID_NOT_HOLD =
  /\b(?:but|however)\b.*\b(?:didn['’]t|did not|wasn['’]t|was not|no longer|missed)\b/i;
/** After a recovery word: it names another thing ("restore jobs", "recovery codes", "repair crew") or how it went wrong. */
export const NOT_THE_CLAIM_AFTER =
  /^(?:-|\s+(?:jobs?|tickets?|tests?|codes?|emails?|crews?|teams?|process(?:es)?|windows?|plans?|points?|keys?|options?|tools?|scripts?|steps?|requests?|links?|mode|flows?|pages?|procedures?|drills?|exercises?|out of order|late|twice)\b)/i;
/** A stated estimate given up or missed: "our original ETA", "we missed our estimated resolution time". */
export const ESTIMATE_GONE =
  /\b(?:miss\w*|withdr[ae]w\w*|original\w*|earlier|previous|old|former|abandon\w*|scrap\w*|drop\w*)\b/i;
/** A label about something else: "next update ETA", "delivery ETA", "an ETA of 15:30 on every delivery". */
export const OTHER_ETA_BEFORE =
  /\b(?:updates?|deliver\w*|courier|shipping|shipments?|orders?|drivers?|parcels?|packages?)\s+$/i;
/** History or a cancellation after a slot: "was cancelled", "has been postponed", "but we rolled it back". */
export const SLOT_UNDONE =
  /\b(?:was|were|has been|had been|have been|cancel\w*|postpon\w*|called off|rolled (?:it )?back|pushed back|missed|did not|didn['’]t|originally)\b/i;
/** The time words that name a day or a part of it: "today", "tonight", "this afternoon". */
export const DAY_OPENERS = new Set(['today', 'tonight', 'this', 'tomorrow', 'overnight']);

// ---------------------------------------------------------------------------------------
// Around the claim: hedges after a deadline, tense, people and money (find-fix-times.ts)

/** A hedge right after the deadline: "back up by 3 hopefully", "fixed by noon, fingers crossed". */
export const HEDGE_AFTER_TIME =
  /^\s*[,;:(–—-]?\s*(?:hopefully|fingers\s+crossed|touch\s+wood|with\s+(?:any|some)\s+luck|(?:we|i)\s+(?:hope|think|reckon|believe)|probably|if\s+all\s+goes\s+(?:well|to\s+plan)|all\s+being\s+well)\b/i;

/**
 * What makes a participle after it a promise, not history: "will be restored", "expect it
 * fixed", "to have it resolved", "get things cleared".
 */
export const AUX_BEFORE_PARTICIPLE =
  /\b(?:be|been|being|is|are|am|['’]s|['’]re|get|gets|got|getting|have|has|having|['’]ve|will|['’]ll|would|should|shall|may|might|must|can|could|to|expect\w*|want\w*|need\w*|hope\w*|see|keep|remain\w*|stay\w*|all|fully|partially|mostly|largely|now|still|likely|probably|hopefully|possibly|maybe|definitely|certainly)\s+(?:[\w'’-]+\s+){0,3}$/i;

/** Coming back on a weekday: "reopen on Monday", "comes back on Wednesday". */
export const COMES_BACK_ON =
  /\b(?:reopens?|resumes?|restarts?|returns|comes?\s+back(?:\s+(?:up|online))?)\s+on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/** Money handed back, after "until <date>": "may take until the 9th to return the funds". */
export const MONEY_BACK_AFTER =
  /^\s+to\s+(?:return|refund|credit|reverse|release|settle|clear|process|post|show|appear)\b[^.]{0,20}\b(?:funds|money|payments?|refunds?|deposits?|transfers?|amounts?|charges?|holds?)\b/i;
/** People as the sentence's subject: "Chat support is offline for now and will return at 10:00". */
export const PEOPLE_SUBJECT_LEADS =
  /^\W*(?:(?:our|the|your|dr\.?\s+\w+['’]s)\s+)?(?:[\w-]+\s+)?(?:team|agents?|staff|office|offices|branch(?:es)?|clinics?|surgery|depot|counters?|colleagues|engineers?|technicians?|drivers?|couriers?|doctors?|nurses?|advisers?|advisors?|representatives?|reps?|managers?|customer\s+care|(?:chat|phone|live)\s+(?:support|agents?|team)|help\s?desk|support\s+(?:team|desk|staff|agents?|line)|live\s+chat|(?:phone|chat)\s+lines?|support(?=\s+(?:is|are|will|['’]ll)\b))\b/i;
/**
 * The verb before a claim has no subject of its own, so the sentence's subject carries over:
 * "Chat support is offline and will return" (not "The team found it and payouts will be back",
 * nor "engineers are working to get everything back": what they bring back is the claim).
 */
export const SUBJECT_CARRIED =
  /^(?![\s\S]*\b(?:get|gets|getting|got|bring\w*|brought|have|having|turn\w*|put\w*|switch\w*|them|it|everything|things|service|services)\b)(?![\s\S]*\b(?:and|but|so|while|because|although|once|after|when|since)\s+(?!(?:will|['’]ll|should|is|are|can|may|might|be|expect\w*|then|also)\b)[\w'’-]+\s+(?:will|['’]ll|should|is|are|can|may|might|would|could|has|have)\b)/i;
/** What a person does once back: "... at 2pm and will pick up your ticket", "... at 9 to call you". */
export const PERSON_ACTION_AFTER =
  /^(?:\s+(?:at|by|around|from|after)\s+[\w:.]+(?:\s?[ap]\.?m\.?)?)?\s*(?:(?:today|tomorrow|this\s+\w+)\s*)?,?\s*(?:and|to|then|when)\s+(?:(?:she|he|they)\s+)?(?:(?:will|['’]ll|can|should|would)\s+)?(?:pick\s+(?:up|this|it)|reply|respond|answer|call|ring|contact|email|get\s+back|take\s+over|look\s+(?:at|into)|handle|follow\s+up|be\s+in\s+touch|review|help|assist)\b/i;

/**
 * @module time/zone-names
 * The zone labels the time module writes and reads: the abbreviations readers know for zones
 * where the platform's CLDR data prints only an offset, and what each label means when read.
 */

/**
 * Abbreviations readers use where `Intl` (CLDR, in the en-US/en-GB/en-IN/en-AU locales) prints
 * only an offset ("GMT+2" for Johannesburg): `[standard, daylight]`, daylight being the label
 * while the zone's offset is above its smallest offset of the year. Aliases are listed because
 * the platform may hand either name back. A zone not listed here and without a CLDR abbreviation
 * is written as an offset ("UTC+5:45", "UTC-3").
 */
export const CONVENTIONAL_ABBREVIATIONS: Readonly<Record<string, readonly [string, string?]>> = {
  'Africa/Johannesburg': ['SAST'],
  'Africa/Maseru': ['SAST'],
  'Africa/Mbabane': ['SAST'],
  'America/Sao_Paulo': ['BRT'],
  'Europe/Dublin': ['GMT', 'IST'],
  Eire: ['GMT', 'IST'],
  'Asia/Jerusalem': ['IST', 'IDT'],
  'Asia/Tel_Aviv': ['IST', 'IDT'],
  Israel: ['IST', 'IDT'],
  'Asia/Kolkata': ['IST'],
  'Asia/Calcutta': ['IST'],
  'Asia/Shanghai': ['CST'],
  'Asia/Chongqing': ['CST'],
  'Asia/Chungking': ['CST'],
  'Asia/Harbin': ['CST'],
  PRC: ['CST'],
  'Asia/Tokyo': ['JST'],
  Japan: ['JST'],
  'Asia/Seoul': ['KST'],
  ROK: ['KST'],
  'Asia/Hong_Kong': ['HKT'],
  Hongkong: ['HKT'],
  'Asia/Singapore': ['SGT'],
  Singapore: ['SGT'],
  'Asia/Karachi': ['PKT'],
  'Asia/Jakarta': ['WIB'],
  'Europe/Moscow': ['MSK'],
  'W-SU': ['MSK'],
  'Africa/Nairobi': ['EAT'],
  'Africa/Lagos': ['WAT'],
  'America/Argentina/Buenos_Aires': ['ART'],
  'America/Buenos_Aires': ['ART'],
  'Pacific/Auckland': ['NZST', 'NZDT'],
  NZ: ['NZST', 'NZDT'],
};

/** One meaning of a zone label: a fixed offset, and the zone whose clock it names, if any. */
export interface LabelMeaning {
  /** Minutes east of UTC; absent for a generic label, which follows `zone`'s rules. */
  offsetMinutes?: number;
  /**
   * The IANA zone the label belongs to: a generic label reads this zone's clock; a specific one
   * written on a day its offset is not in force ("EST" in July) is read as this zone's clock too,
   * the way people write "EST" all year.
   */
  zone?: string;
}

const fixed = (offsetMinutes: number, zone?: string): LabelMeaning =>
  zone === undefined ? { offsetMinutes } : { offsetMinutes, zone };

/**
 * What each label means when read. Every label the writer prints is here (CLDR's abbreviations,
 * `CONVENTIONAL_ABBREVIATIONS`, the generic US names), with its offset or zone; a test checks
 * that every label written for every zone reads back to its instant. Labels with more than one
 * meaning (IST: India, Ireland, Israel; CST: US Central, China) list the most widely read first
 * and are resolved by the reader's own zone.
 */
export const LABEL_MEANINGS: Readonly<Record<string, readonly LabelMeaning[]>> = {
  UTC: [fixed(0)],
  GMT: [fixed(0)],
  Z: [fixed(0)],
  ET: [{ zone: 'America/New_York' }],
  CT: [{ zone: 'America/Chicago' }],
  MT: [{ zone: 'America/Denver' }],
  PT: [{ zone: 'America/Los_Angeles' }],
  AKT: [{ zone: 'America/Anchorage' }],
  HAT: [{ zone: 'America/Adak' }],
  AT: [{ zone: 'America/Halifax' }],
  EST: [fixed(-300, 'America/New_York')],
  EDT: [fixed(-240, 'America/New_York')],
  CST: [fixed(-360, 'America/Chicago'), fixed(480, 'Asia/Shanghai')],
  CDT: [fixed(-300, 'America/Chicago')],
  MST: [fixed(-420, 'America/Denver')],
  MDT: [fixed(-360, 'America/Denver')],
  PST: [fixed(-480, 'America/Los_Angeles')],
  PDT: [fixed(-420, 'America/Los_Angeles')],
  AKST: [fixed(-540, 'America/Anchorage')],
  AKDT: [fixed(-480, 'America/Anchorage')],
  HST: [fixed(-600)],
  HAST: [fixed(-600, 'America/Adak')],
  HADT: [fixed(-540, 'America/Adak')],
  AST: [fixed(-240, 'America/Halifax')],
  ADT: [fixed(-180, 'America/Halifax')],
  WET: [fixed(0, 'Europe/Lisbon')],
  WEST: [fixed(60, 'Europe/Lisbon')],
  BST: [fixed(60, 'Europe/London')],
  CET: [fixed(60, 'Europe/Paris')],
  CEST: [fixed(120, 'Europe/Paris')],
  EET: [fixed(120, 'Europe/Athens')],
  EEST: [fixed(180, 'Europe/Athens')],
  IST: [fixed(330, 'Asia/Kolkata'), fixed(60, 'Europe/Dublin'), fixed(120, 'Asia/Jerusalem')],
  IDT: [fixed(180, 'Asia/Jerusalem')],
  GST: [fixed(240)],
  SAST: [fixed(120)],
  BRT: [fixed(-180)],
  JST: [fixed(540)],
  KST: [fixed(540)],
  HKT: [fixed(480)],
  SGT: [fixed(480)],
  PKT: [fixed(300)],
  WIB: [fixed(420)],
  MSK: [fixed(180)],
  EAT: [fixed(180)],
  WAT: [fixed(60)],
  CAT: [fixed(120)],
  ART: [fixed(-180)],
  AWST: [fixed(480)],
  ACWST: [fixed(525)],
  ACST: [fixed(570, 'Australia/Adelaide')],
  ACDT: [fixed(630, 'Australia/Adelaide')],
  AEST: [fixed(600, 'Australia/Sydney')],
  AEDT: [fixed(660, 'Australia/Sydney')],
  LHST: [fixed(630, 'Australia/Lord_Howe')],
  LHDT: [fixed(660, 'Australia/Lord_Howe')],
  NZST: [fixed(720, 'Pacific/Auckland')],
  NZDT: [fixed(780, 'Pacific/Auckland')],
};

/** The labels read after a clock time, longest first so "CEST" wins over "CET"-like prefixes. */
export const KNOWN_LABELS: readonly string[] = Object.keys(LABEL_MEANINGS).sort(
  (a, b) => b.length - a.length,
);

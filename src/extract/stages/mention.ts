import type { Party } from "../../model/index.ts";

/** How a mention names its party: the form decides which roles it can play in a sentence. */
export type MentionForm =
  | "name" // Iran
  | "adjective" // Iranian (hackers)
  | "plural" // Iranians
  | "seat" // Tehran, the Kremlin
  | "body" // the FBI, Georgia's foreign ministry
  | "official" // Prime Minister Edi Rama
  | "anaphor" // the country, authorities, the ministry
  | "intl"
  | "org"
  | "group"
  | "place"; // New York, Guam: a location, only ever a victim

export interface Mention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  form: MentionForm;
  party: Party;
  /** the state this mention stands for or is tied to (a group's sponsor, an org's home) */
  country?: string;
  /** for adjectives: the noun phrase they modify ("hackers", "diplomats", "power grid") */
  head?: string;
  /** an adjective or possessive naming attackers ("Russian hackers", "China-sponsored actor") */
  attacker: boolean;
  /** an intelligence service or armed force, or a state named through one ("Russia's GRU"): never a victim */
  force?: boolean;
  /** a company that studies or reports on attacks (a security vendor, a newsroom): never the one hit */
  observer?: boolean;
}

/**
 * Every mention is made here, with every field present in one order: the stages read mentions in their hottest
 * loops, and objects of one shape keep those reads fast (spreads of optional fields gave each its own shape).
 */
export function mention(
  start: number,
  end: number,
  text: string,
  sentence: number,
  form: MentionForm,
  party: Party,
  country: string | undefined,
  attacker: boolean,
  head?: string,
  force?: boolean,
  observer?: boolean,
): Mention {
  return { start, end, text, sentence, form, party, country, head, attacker, force, observer };
}

/** The same party named again at another place ("the gang", "Colonial" for Colonial Pipeline). */
export function mentionAgain(
  m: Mention,
  start: number,
  end: number,
  text: string,
  sentence: number,
): Mention {
  return mention(
    start,
    end,
    text,
    sentence,
    m.form,
    m.party,
    m.country,
    m.attacker,
    m.head,
    m.force,
    m.observer,
  );
}

// private people: "two Russian nationals", "Chinese students"
// ("Philippine national and local government websites": "national" before another modifier is no person)
const PEOPLE_HEAD =
  /^(?:[\w-]+\s+)?(?:brothers|men|man|woman|women|nationals|national(?!\s+(?:and|or|government|security|grid|bank|election|elections|library|archives?|health|power|railway|airline|carrier|broadcaster|agency|agencies|police|networks?|systems?|infrastructure|websites?|database|[\w-]+\s+(?:websites?|networks?|systems?)))|citizens?|individuals?|residents?|suspects?|teenagers?|students?)\b/i;

/** "two Russian nationals accused of …": a nationality on private people says who they are; they speak for no state. */
export function ofPeople(m: Mention): boolean {
  return m.form === "adjective" && PEOPLE_HEAD.test(m.head ?? "");
}

// people at the attackers' trade: "two Russian officers", "Chinese hackers"
const AGENT_HEAD =
  /^(?:[\w-]+\s+)?(?:businessm[ae]n|officers|people|hackers?|programmers?|operatives|spies|agents)\b/i;

/** A nationality on people ("a Chinese national", "two Russian officers"): who they are, never a target. */
export function namesPeople(m: Mention): boolean {
  return ofPeople(m) || (m.form === "adjective" && AGENT_HEAD.test(m.head ?? ""));
}

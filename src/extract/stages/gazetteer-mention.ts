import type { Party } from "../../model/index.ts";
import { loadData } from "../gazetteer/data.ts";
import type { GazetteerMatch } from "../gazetteer/index.ts";
import {
  headWords,
  IS_BEHIND,
  mayBeBehind,
  mayEndIn,
  mayFollowFirstName,
  mayNameGang,
  nextWord,
  withoutPossessive,
} from "./match-context.ts";
import { type Mention, mention as makeMention } from "./mention.ts";
import { bodyAlt, officials, titleAlt } from "./officials.ts";

/**
 * A mention from a gazetteer match, read with the words around it: a country's name may be a state, its body
 * ("Albania's interior ministry"), its forces ("the Russian military"), a seat of business, a people or a
 * surname; a group's or company's ordinary-word name needs a cue word beside it.
 */

interface ActorNouns {
  attacker: string[];
}

/** "interior ministry", "foreign ministry spokesperson" right after a country; case-insensitive */
const AFTER_COUNTRY = new RegExp(
  `^(?:['’]s)?\\s+(?:(?:${bodyAlt})(?:\\s+(?:${titleAlt}))?|(?:${titleAlt}))\\b`,
  "i",
);
/** a name following a title ("President Salome Zurabishvili"); case-sensitive, so \p{Lu} means capitals */
// (no word of it a possessive: "Britain's cyber centre, Canada's signals agency" lists two bodies, it names no one)
const PERSON_NAME =
  /^,?\s+\p{Lu}(?![\p{L}'’-]*['’]s\b)[\p{L}'’-]+(?:\s+\p{Lu}(?![\p{L}'’-]*['’]s\b)[\p{L}'’-]+){0,3}/u;
// only words that can start a body or title make the full AFTER_COUNTRY test worth running
const BODY_FIRST_WORDS = new Set(
  [...officials.bodies, ...officials.titles].map((t) => t.split(/\s+/)[0]?.toLowerCase() ?? ""),
);
const SPEAKS_NEXT =
  /^\s+(?:services?\s+|agency\s+|agencies\s+|officials\s+)?(?:(?:has|have|had)\s+)?(?:also\s+|later\s+|on \w+\s+)?(?:said|says|blames?|blamed|accused|accuses|concluded|assessed|attributed|believes?|told|warned|announced|stated|suspects|pointed to|points to)\b/i;
// "the Dutch military intelligence service disrupted an attempt by …": a service defending, not attacking
const DEFENDS_NEXT =
  /^\s+(?:(?:also|had|has|have|then|later)\s+)?(?:disrupted|foiled|thwarted|stopped|caught|detected|blocked|uncovered|exposed|expelled|arrested|identified|traced|discovered)\b/i;
// "Dutch intelligence blames …": a state's own organ speaking, not an attacker
const ORGAN_SPEAKS = new RegExp(
  `^(?:['’]s)?\\s+(?:military\\s+)?(?:intelligence|military|government|security services?)${SPEAKS_NEXT.source.slice(1)}`,
  "i",
);
/** Whether the words from `end` say the one named there speaks or defends: one slice read by both patterns. */
function speaksOrDefends(text: string, end: number): boolean {
  const next = text.slice(end, end + 40);
  return SPEAKS_NEXT.test(next) || DEFENDS_NEXT.test(next);
}
const FORCE_BODY =
  /\b(?:military|army|armed forces|intelligence(?<!counter-intelligence)(?! committee)|spies|spy agency|special services|navy)\b/i;
export const ORIGIN_OF_ATTACKERS =
  /\b(?:hackers?|group|actors?|gang|spies|operatives|attackers|intruders|unit)\s+(?:from|in|based in|linked to|tied to|backed by|sponsored by|working for|aligned with|affiliated with)\s+(?:the\s+)?$/i;
const STATE_PREFIX = /^-|^\s+(?:state|government)-/;
const attackerHead = new RegExp(
  `^(?:-?(?:state|government)-?(?:sponsored|backed|linked|affiliated)\\s+|-?(?:sponsored|backed|linked|affiliated|speaking|based|aligned|allied|nexus)\\s+|\\s+(?:state-sponsored|state-backed|government-backed|nation-state|military|cyber|hacking|spy|intelligence|special|security|espionage|cyber-?espionage|threat)\\s+)?\\s*(?:${loadData<ActorNouns>("lexicon/actor-nouns.json").attacker.join("|")})\\b`,
  "i",
);

export const GANG_NAMED =
  /\b(?:group|gang|collective|crew|persona)\s+(?:known as|called|calling itself|calls itself|dubbed|named)\s+["“]?$/i;
const JOINED_ADJECTIVE = /^,?\s+(?:and|or)\s+\p{Lu}[\p{L}-]+(?=\s)/u;
const NAME_CUE =
  /\b(?:ransomware|group|gang|hackers?|hacking|hacktivists?|activists|operators?|collective|movement|actors?|crew|botnet|malware|persona|team|affiliates?|in the name of|banner|handle|claimed (?:responsibility|credit)|took credit)\b/i;

const SEAT_OF_BUSINESS =
  /^(?:-based)?\s+(?:[a-z][\w-]*\s+){0,2}(?:company|companies|firm|firms|contractor|start-?up|bank|insurer|exchange|supplier|vendor|maker|manufacturer|subsidiary|businessman|businessmen)\b/;

const SYSTEMS_NEXT =
  /^\s+(?:intranet|networks?|systems?|servers?|computers?|e-?mail|websites?|databases?|infrastructure)\b/i;
const BUSINESS_NEXT =
  /^\s+(?:company|companies|firm|firms|contractors?|provider|providers|vendor|vendors|supplier|suppliers)\b/;

export const TITLED_FIRST_NAME =
  /\b(?:General|Secretary|Minister|President|Director|Attorney|Ambassador|Senator|Governor|Chancellor|Commissioner|Mr|Mrs|Ms|Dr)\.?\s+\p{Lu}\p{Ll}+\s+$/u;
const LANGUAGE_AFTER = /^(?:-speaking|-language|\s+(?:speakers|speaking|language|-language)\b)/;
const SYMPATHY_BEFORE = /\b(?:pro|anti)-$/i;
export const FORMER_OF = /\bformer\s+(?:[\w-]+\s+){0,4}(?:of|at)\s+(?:the\s+)?$/i;
const OWNED = /^-(?:owned|backed|funded|controlled)\b/;
export const OFFICERS_IN =
  /\b(?:police|prosecutors|authorities|investigators|detectives|officers|agents|courts?|judges?)\s+(?:in|from)\s+(?:the\s+)?$/i;

export const ORIGIN_WORDS = ["from", "in", "to", "by", "for", "with"];
/** the words ORIGIN_OF_ATTACKERS may have before those: its nouns, and the first words of its phrases */
export const ORIGIN_BEFORE = [
  "hacker",
  "hackers",
  "group",
  "actor",
  "actors",
  "gang",
  "spies",
  "operatives",
  "attackers",
  "intruders",
  "unit",
  "based",
  "linked",
  "tied",
  "backed",
  "sponsored",
  "working",
  "aligned",
  "affiliated",
];
export const FORMER_WORDS = ["of", "at"];
export const OFFICERS_WORDS = ["in", "from"];
const ENDS_IN_STATE = /\bstate$/i;
const STATE_OR_GOVERNMENT = /\b(?:state|government)$/i;
const ATTACKERS_NEXT =
  /^\s+(?:hackers?|actors?|threat actors?|spies|operatives|agents|cyber ?(?:actors|criminals|units?|operatives))\b/i;
const WORD_NEXT = /^[\s-]+[a-z]/;

/**
 * The mention a gazetteer match makes, read with its context; `known` says the story has already named this
 * ordinary-word name beside a cue ("ransomware known as Akira"), so it stands alone later ("Akira was behind …").
 */
export function fromMatch(text: string, m: GazetteerMatch, sentence: number, known = false): Mention | null {
  const e = m.entry;
  // (entries of every kind come here, each kind of its own shape: its kind is read once, not at each test)
  const kind = e.kind;
  // "Hive", "Play", "Target": a group or company only when a cue word stands beside it
  if (
    (kind === "group" || kind === "org") &&
    e.cue &&
    !known &&
    !NAME_CUE.test(text.slice(Math.max(0, m.start - 30), m.end + 30))
  )
    return null;
  const surface = text.slice(m.start, m.end);
  // "the Google-owned security firm": the owner describes the firm; it does not act in the sentence
  // (OWNED opens on a hyphen: at any other character it cannot match, and no slice is made for it; the slice
  // holds its longest word, "-controlled", and the character after it)
  if (
    (kind === "org" || kind === "group") &&
    text.charCodeAt(m.end) === 45 &&
    OWNED.test(text.slice(m.end, m.end + 12))
  )
    return null;
  switch (kind) {
    case "country": {
      // "Deputy Attorney General Lisa Monaco": a surname after a title and a first name, not a state
      if (
        e.form === "name" &&
        mayFollowFirstName(text, m.start) &&
        TITLED_FIRST_NAME.test(text.slice(Math.max(0, m.start - 60), m.start))
      )
        return null;
      // "a ransomware group known as Cuba": a gang that took a country's name
      if (mayNameGang(text, m.start) && GANG_NAMED.test(text.slice(Math.max(0, m.start - 50), m.start)))
        return makeMention(
          m.start,
          m.end,
          surface,
          sentence,
          "group",
          { kind: "group", name: surface },
          undefined,
          true,
        );
      const after = text.slice(m.end, m.end + 160);
      // "Russian-speaking criminals", "Russian-language channels", "run by Russian speakers": a language, not a state
      if (LANGUAGE_AFTER.test(after)) return null;
      // "a pro-Russian hacktivist group", "anti-American protests": a sympathy, not the state itself
      if (
        text.charCodeAt(m.start - 1) === 45 &&
        SYMPATHY_BEFORE.test(text.slice(Math.max(0, m.start - 5), m.start))
      )
        return null;
      const next = e.form === "plural" ? undefined : nextWord(after);
      const body = next && BODY_FIRST_WORDS.has(next.toLowerCase()) ? AFTER_COUNTRY.exec(after) : null;
      // "a large US security services company", "a US government contractor": a business described, not the body
      if (body && !BUSINESS_NEXT.test(after.slice(body[0].length))) {
        const name = PERSON_NAME.exec(after.slice(body[0].length));
        const end = m.end + body[0].length + (name ? name[0].length : 0);
        const via = text.slice(m.start, end);
        // "the Russian military", "Chinese intelligence": a state's force, named as the one that acts
        // … unless it is the one speaking: "Dutch intelligence blames …", "Dutch intelligence services said …"
        // … and "Chinese state hackers", "Iranian government actors": the state's body names who they work for
        // … but "South Korea's military intranet" is the state's own network: hit, not hitting
        const attacker =
          (FORCE_BODY.test(via) &&
            !speaksOrDefends(text, end) &&
            !SYSTEMS_NEXT.test(text.slice(end, end + 30))) ||
          (ENDS_IN_STATE.test(via) && !WORD_NEXT.test(text.slice(end, end + 3))) ||
          (STATE_OR_GOVERNMENT.test(via) && ATTACKERS_NEXT.test(text.slice(end, end + 30)));
        const party = { kind: "state" as const, country: e.country, via };
        return makeMention(m.start, end, via, sentence, "body", party, e.country, attacker);
      }
      // "a Beijing cybersecurity firm", "a Moscow-based company": the city where a business is, not a government
      if (e.form === "seat" && SEAT_OF_BUSINESS.test(after))
        return makeMention(
          m.start,
          m.end,
          surface,
          sentence,
          "place",
          { kind: "state", country: e.country },
          e.country,
          false,
        );
      const head = e.form === "adjective" || e.form === "name" ? headWords(after) : undefined;
      // "Chinese and Iranian state actors": an adjective joined to the next shares its noun
      const joined = e.form === "adjective" ? JOINED_ADJECTIVE.exec(after) : null;
      const own = joined ? after.slice(joined[0].length) : after;
      const attacker =
        head !== undefined &&
        (e.form === "adjective" || STATE_PREFIX.test(after)) &&
        attackerHead.test(withoutPossessive(own)) &&
        !ORGAN_SPEAKS.test(own);
      // "Russian services are behind …": whatever the noun, the sentence names it as the attacker
      const blamed =
        e.form !== "seat" &&
        mayBeBehind(after) &&
        (after.includes("behind") || after.includes("responsible")) &&
        IS_BEHIND.test(after);
      // "a state-backed group from North Korea", "hackers linked to Iran"
      const origin =
        e.form === "name" &&
        mayEndIn(text, m.start, Math.max(0, m.start - 40), ORIGIN_WORDS, ORIGIN_BEFORE) &&
        ORIGIN_OF_ATTACKERS.test(text.slice(Math.max(0, m.start - 40), m.start));
      const party: Party =
        e.form === "seat"
          ? { kind: "state", country: e.country, via: surface }
          : { kind: "state", country: e.country };
      return makeMention(
        m.start,
        m.end,
        surface,
        sentence,
        e.form,
        party,
        e.country,
        attacker || blamed || origin,
        head || undefined,
      );
    }
    case "body": {
      // "the former chief executive of the NCSC": a past official speaks for himself, not for the body
      if (
        mayEndIn(text, m.start, Math.max(0, m.start - 50), FORMER_WORDS) &&
        FORMER_OF.test(text.slice(Math.max(0, m.start - 50), m.start))
      )
        return null;
      const party = { kind: "state" as const, country: e.country, via: e.name };
      // a spy service is an attacker by trade, unless it is the one speaking ("Supo said", "the AIVD blamed")
      const force =
        (e.role === "intelligence" || e.role === "military") && !speaksOrDefends(text, m.end)
          ? true
          : undefined;
      return makeMention(
        m.start,
        m.end,
        surface,
        sentence,
        "body",
        party,
        e.country,
        false,
        undefined,
        force,
      );
    }
    case "intl": {
      const party = { kind: "intl" as const, code: e.code, name: e.name };
      return makeMention(m.start, m.end, surface, sentence, "intl", party, undefined, false);
    }
    case "org": {
      const party: Party = e.country
        ? { kind: "organization", name: e.name, country: e.country }
        : { kind: "organization", name: e.name };
      const observer = e.sector === "security-vendor" || e.sector === "media";
      return makeMention(
        m.start,
        m.end,
        surface,
        sentence,
        "org",
        party,
        e.country || undefined,
        false,
        undefined,
        undefined,
        observer,
      );
    }
    case "group": {
      const party: Party = { kind: "group", name: e.name };
      if (e.aliases.length) party.aliases = e.aliases;
      if (e.sponsor) party.sponsor = e.sponsor;
      return makeMention(m.start, m.end, surface, sentence, "group", party, e.sponsor || undefined, true);
    }
    case "none":
      return null;
    case "place": {
      const party = { kind: "state" as const, country: e.country };
      // "prosecutors in California", "police in Bavaria": the state's officers there act for the state
      const officers =
        mayEndIn(text, m.start, Math.max(0, m.start - 40), OFFICERS_WORDS) &&
        OFFICERS_IN.test(text.slice(Math.max(0, m.start - 40), m.start));
      const form = officers ? "name" : "place";
      return makeMention(m.start, m.end, surface, sentence, form, party, e.country, false);
    }
  }
}

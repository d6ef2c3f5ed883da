import type { Party } from "../../model/index.ts";
import { type Analysis, partyOf } from "./context.ts";
import { type Mention, ofPeople } from "./mention.ts";
import { objectsAfter, partiesOf, rolesOf, subjectsBefore } from "./roles.ts";
import { TailPattern } from "./tail-words.ts";

/** Who makes an accusation a sentence reports: its subject, its speaker, or the party the story left off with. */
export function claimantFor(a: Analysis, sentence: number, pos: number): Party | null {
  const subj = subjectsBefore(a, sentence, pos).filter((m) => m.form !== "plural");
  const ps = partiesOf(subj);
  if (ps.length) return ps[0] ?? null;
  return speakerParty(a, sentence);
}

export function claimantsFor(a: Analysis, sentence: number, pos: number): Array<Party | null> {
  // asked once per party accused at a cue: found once (callers only read it)
  const roles = rolesOf(a, sentence);
  roles.claimants ??= new Map();
  let found = roles.claimants.get(pos);
  if (!found) {
    found = findClaimants(a, sentence, pos);
    roles.claimants.set(pos, found);
  }
  return found;
}

function findClaimants(a: Analysis, sentence: number, pos: number): Array<Party | null> {
  // "intrusions … that investigators have linked to …": the relative clause has a subject of its own (but "he said
  // that investigators had identified …" reports what the speaker says)
  const s = a.sentences[sentence];
  if (s && UNNAMED_RELATIVE.test(a.text, Math.max(s.start, pos - 60), pos)) return [null];
  // "Two people familiar with the company's response said …": the company is what they know of, not who speaks
  if (s && peopleFamiliar(a.text, s.start, pos)) return [null];
  // a state named through its intelligence service is the one accused, never the one accusing
  const subjects = subjectsBefore(a, sentence, pos);
  const ps = partiesOf(
    subjects.filter(
      (m) => m.form !== "plural" && !m.force && !ofCompany(m) && !ofPeople(m) && !hitBefore(a, sentence, m),
    ),
  );
  if (ps.length) return ps;
  // "two Russian nationals accused of deploying LockBit": the people charged are the subject; whoever charged
  // them is reported by the charge itself, not by an earlier sentence's actor
  if (subjects.some(ofPeople)) return [];
  const speaker = speakerParty(a, sentence);
  if (speaker) return [speaker];
  const head = s ? clauseHead(a.text, s.start, pos) : "";
  // "Some Western intelligence officials have linked …": people nobody names accuse on nobody's behalf
  // "Agencies from 13 countries accused …": a coalition counted but not named
  if (UNNAMED_SUBJECT.test(head) || COALITION.test(head)) return [null];
  // "The cybercrime police said they had blocked the attacks. It attributed them to Killnet": the one who spoke
  if (s && PRONOUN_OPENS.test(a.text.slice(s.start, pos))) {
    const prev = a.speakerOf(sentence - 1) ?? previousSubject(a, sentence);
    if (prev) return [partyOf(prev) ?? null];
  }
  // "The document names three companies as …": a document speaks for whoever the story said issued it
  if (DOCUMENT_SUBJECT.test(head)) {
    const author = documentAuthor(a, sentence);
    if (author) return [author];
  }
  return [previousActor(a, sentence)];
}

const DOCUMENT_SUBJECT =
  /^(?:the|this|that)\s+(?:joint\s+|new\s+|latest\s+)?(?:document|advisory|alert|report|assessment|analysis)(?:\s+also)?\s*$/i;
const DOCUMENT_NOUN = /\b(?:document|advisory|alert|report|assessment|analysis)\b/i;
const DOCUMENT_FORMS: ReadonlySet<string> = new Set([
  "body",
  "intl",
  "org",
  "name",
  "plural",
  "adjective",
  "seat",
]);

/** Who issued the document told of in the four sentences before: the first party of the sentence that names it. */
function documentAuthor(a: Analysis, sentence: number): Party | null {
  for (let i = sentence - 1; i >= Math.max(0, sentence - 4); i--) {
    if (!DOCUMENT_NOUN.test(a.sentences[i]?.text ?? "")) continue;
    const m = (a.bySentence[i] ?? []).find((x) => !x.attacker && !x.observer && DOCUMENT_FORMS.has(x.form));
    return (m && partyOf(m)) ?? null;
  }
  return null;
}

// run only where "that" or "which" is one of the last seven words (see TailPattern)
const UNNAMED_RELATIVE = new TailPattern(
  /\b(?:(?<!\b(?:said|says|say|told|added|stated|announced|explained|confirmed)\s+(?:[\w-]+\s+){0,5})that|which)\s+(?:(?:[a-z][\w-]*\s+){0,2}(?:officials|experts|researchers|analysts|investigators|sources)|people\s+(?:familiar\s+with|close\s+to|briefed\s+on)\s+(?:the\s+)?[\w-]+)\s+(?:have\s+|had\s+|also\s+)?$/,
  7,
  "that which",
  { wordChars: "-" },
);
const PEOPLE_FAMILIAR =
  /^(?:[\w-]+\s+){0,3}(?:people|persons?|sources|someone|officials)\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+knowledge\s+of)\b/i;
/** PEOPLE_FAMILIAR at the head of the clause that holds `pos`, tried only where one of its words stands before it */
function peopleFamiliar(text: string, start: number, pos: number): boolean {
  const head = text.slice(start, pos);
  return (
    (head.includes("familiar") ||
      head.includes("close to") ||
      head.includes("briefed") ||
      head.includes("knowledge")) &&
    PEOPLE_FAMILIAR.test(clauseHead(text, start, pos))
  );
}
// where the clause that holds a cue begins: "…, but security researchers widely believe it is linked to …"
const CLAUSE_OPENS = /(?:[,;]\s+(?:but|and|while|whereas|although|though)\s+|;\s+)/g;

/** The text from the start of the clause that holds `pos` (its sentence starting at `start`) up to `pos`. */
function clauseHead(text: string, start: number, pos: number): string {
  const head = text.slice(start, pos);
  let from = 0;
  CLAUSE_OPENS.lastIndex = 0;
  for (let m = CLAUSE_OPENS.exec(head); m; m = CLAUSE_OPENS.exec(head)) from = m.index + m[0].length;
  return from ? head.slice(from) : head;
}
const PRONOUN_OPENS = /^(?:It|They|He|She)\s+(?:also\s+|later\s+|then\s+|further\s+)?$/;
const UNNAMED_SUBJECT =
  /^(?:[\w-]+\s+){0,3}(?:officials|experts|researchers|analysts|investigators|sources|people familiar)\b/i;
const COUNTED = String.raw`(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|several|a dozen|more than \w+)`;
/** "Agencies from 13 countries", "Five nations": a coalition counted, not named */
export const COALITION = new RegExp(
  String.raw`\b(?:agencies|authorities|governments|services)\s+(?:from|of|in)\s+${COUNTED}\s+(?:other\s+)?(?:countries|nations|states|allies)\b|\b${COUNTED}\s+(?:countries|nations|governments|allies)\b`,
  "i",
);

// "the attack on casino operator Las Vegas Sands, the first time Washington pinned it on …": what was hit
const HIT_OBJECT =
  /\b(?:cyber-?attacks?|attacks?|hacks?|hacking|breach(?:es)?|intrusions?)\s+(?:on|of|against|into|at)\s+(?:[\w$’'-]+\s+){0,8}$/i;

/** The mention is what an attack word just before it hit: a victim, never the one accusing. */
function hitBefore(a: Analysis, sentence: number, m: Mention): boolean {
  const s = a.sentences[sentence];
  return !!s && m.form === "org" && HIT_OBJECT.test(a.text.slice(Math.max(s.start, m.start - 80), m.start));
}

const COMPANY_HEAD =
  /^(?:[\w-]+\s+){0,2}(?:company|firm|vendor|researchers?|experts?|maker|operator|developer|provider|bank|newspapers?|broadcasters?|media|press|outlets?|reporters|journalists|group)\b/i;

/** "Slovak security company ESET": a nationality on a company speaks for the company, not for the state. */
export function ofCompany(m: Mention): boolean {
  return (m.form === "adjective" || m.form === "name") && COMPANY_HEAD.test(m.head ?? "");
}

const ACCUSED = /^accused$/i;
const OF_NEXT = /^\s+of\b/;
const BLAMED = /^blamed$/i;
const FOR_NEXT = /^\s+for\b/;
const AUXILIARY_BEFORE = /\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+|later\s+|also\s+|now\s+)?$/i;
const PASSIVE_CUE = /^(?:linked|tied|attributed|traced|connected|blamed|named|identified)/i;

/** "X (was) accused of …", "X was linked to the intrusion by …": the cue's subject is the accused. */
export function isPassive(a: Analysis, sentence: number, pos: number, cue: string, end: number): boolean {
  const s = a.sentences[sentence];
  if (!s) return false;
  if (ACCUSED.test(cue) && OF_NEXT.test(a.text.slice(end, end + 4))) return true;
  // "Iran blamed for June cyberattack": with nothing between, what follows is the charge, not the one charged
  if (BLAMED.test(cue) && FOR_NEXT.test(a.text.slice(end, end + 5))) return true;
  const before = a.text.slice(Math.max(s.start, pos - 30), pos);
  return AUXILIARY_BEFORE.test(before) && PASSIVE_CUE.test(cue);
}

const BY = /\bby\s+(?:the\s+)?/;

/** "US, allies accused of … by China": the party after "by" makes the accusation. */
export function passiveAgent(a: Analysis, sentence: number, from: number): Party | null {
  const s = a.sentences[sentence];
  if (!s) return null;
  const by = BY.exec(a.text.slice(from, s.end));
  if (!by) return null;
  const agent = objectsAfter(a, sentence, from + by.index, (m) => !m.attacker, 200)[0];
  return agent && agent.start - (from + by.index) < 10 ? partyOf(agent) : null;
}

/** The official or state that led the previous sentence: "The moves are to hold X accountable" continues it. */
function previousActor(a: Analysis, sentence: number): Party | null {
  const prev = (a.bySentence[sentence - 1] ?? []).find(
    (m) =>
      !m.attacker &&
      (m.form === "body" ||
        m.form === "official" ||
        m.form === "name" ||
        m.form === "seat" ||
        m.form === "intl"),
  );
  return (prev && partyOf(prev)) ?? null;
}

/** The previous sentence's first party able to act, "the police" and "the ministry" too: what "It" stands for. */
function previousSubject(a: Analysis, sentence: number): Mention | undefined {
  return (a.bySentence[sentence - 1] ?? []).find(
    (m) =>
      !m.attacker &&
      m.form !== "adjective" &&
      m.form !== "plural" &&
      m.form !== "place" &&
      m.form !== "group",
  );
}

export function speakerParty(a: Analysis, sentence: number): Party | null {
  const sp = a.speakerOf(sentence);
  return (sp && partyOf(sp)) ?? null;
}

// "…, a day after Prime Minister Scott Morrison said …": a later clause with a speaker of its own
const LATER_CLAUSE =
  /[,;]\s+(?:(?:a|one|two|three|several|\d+)\s+(?:days?|weeks?|hours?)\s+)?(?:after|before|when|while|as|whereas|but)\b/i;

/** The sentence's speaker, unless it speaks only in a clause that comes after `pos`. */
export function speakerAt(a: Analysis, sentence: number, pos: number): Party | null {
  const sp = a.speakerOf(sentence);
  if (sp && sp.start > pos && LATER_CLAUSE.test(a.text.slice(pos, sp.start))) return null;
  return speakerParty(a, sentence);
}

const SAY_WORD =
  /\b(?:said|says|say|saying|stated|announced|told|believes?|concluded|assessed|determined|found|reported|claimed|insisted|accused|alleged|added)\b/gi;

/**
 * "Britain and the US said Moscow was behind …": the parties saying it, before the accused; null alone when people
 * nobody names say it ("people familiar with the company's response said …").
 */
export function speakersBefore(a: Analysis, sentence: number, pos: number): Array<Party | null> {
  const s = a.sentences[sentence];
  if (!s) return [];
  const head = a.text.slice(s.start, pos);
  // the last word of saying before the accused: "Britain said the GRU was behind it, and Canada said its
  // agencies had been targeted by the Russian military" has two speakers, each with its own accusation
  let say: RegExpExecArray | null = null;
  SAY_WORD.lastIndex = 0;
  for (let m = SAY_WORD.exec(head); m; m = SAY_WORD.exec(head)) say = m;
  if (!say || head.includes(".", say.index)) return [];
  if (peopleFamiliar(a.text, s.start, s.start + say.index)) return [null];
  return partiesOf(
    subjectsBefore(a, sentence, s.start + say.index).filter(
      (m) => m.form !== "plural" && !ofCompany(m) && !ofPeople(m),
    ),
  );
}

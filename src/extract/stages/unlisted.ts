/**
 * Names the gazetteer lacks, introduced by the words around them: "SektorCERT, a non-profit that …",
 * "Scandinavian airline SAS", "a group calling itself Brain Cipher", "Mandiant calls the group Cobalt Harbor".
 */

import type { CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import { CUES } from "./cues.ts";

export interface UnlistedName {
  /** where the name starts in the sentence */
  index: number;
  name: string;
  form: "org" | "group";
  /** a company named in full, up to its suffix ("Sichuan Juxinhe Network Technology", "Japan Airlines") */
  suffixed?: boolean;
}

// "SektorCERT, a non-profit that …", "Norsk Hydro, the aluminium maker, …": a capitalised name described by an
// apposition that says it is an organisation. Found from the noun (a word the cue index looks up), back to the
// comma that opens the apposition, then back to the name before it.
const ORG_NOUN = CUES.add(
  /\b(?:company|firm|non-?profit|organi[sz]ation|agency|developer|operator|provider|maker|vendor|start-?up|utility|broadcaster|insurer|bank|manufacturer|lab|laboratory|producer|supplier|carrier|retailer|group|giant|contractor|authority|committee|subsidiary|unit|arm|division|exchange|hospital|university|institute|chain|lender|publisher|distributor|processor|mixer|tabloid|newspaper|magazine)\b/,
);
// "Genesis Market, an online bazaar that …", "Hydra, a darknet market": a criminal service named by apposition
// is written down as the group that runs it; "Trickbot, a cybercrime group" is a gang, not a company
const SERVICE_NOUN = CUES.add(
  /\b(?:market|marketplace|bazaar|forum|botnet|infostealers?|info-stealers?|(?:cybercrime|cybercriminal|criminal|hacking|hacker|ransomware|hacktivist|extortion) (?:group|gang|crew|collective|syndicate))\b/,
);
// "the Emotet botnet", "RedLine and META infostealers": capitalised names right before the service's noun
const SERVICE_NAMED = "(?:botnet|infostealers?|info-stealers?|marketplace|darknet market)";
const NAMED_SERVICE_NOUN = CUES.add(new RegExp(String.raw`\b${SERVICE_NAMED}\b`));
const NAMED_SERVICE = new RegExp(
  String.raw`(?<![\p{L}\d'’-])((?:\p{Lu}|\d)[\p{L}\d$@_]*)(?:\s+and\s+((?:\p{Lu}|\d)[\p{L}\d$@_]*))?\s+${SERVICE_NAMED}\b`,
  "gu",
);
/** a comma opens an apposition somewhere in the sentence: ", a ", ", an " or ", the " */
export const APPOSITION = 1;
/** a comma opens ", one of " somewhere in the sentence */
export const ONE_OF = 2;
/**
 * What the sentence's commas open (APPOSITION, ONE_OF, or both): one reading of its commas answers both, as
 * `/, (?:an? |the )/` and `", one of "` would in two scans.
 */
export function commaOpenings(text: string): number {
  let found = 0;
  for (let i = text.indexOf(", "); i >= 0 && found !== (APPOSITION | ONE_OF); i = text.indexOf(", ", i + 1)) {
    const c = text.charCodeAt(i + 2);
    const d = text.charCodeAt(i + 3);
    if (c === 97 && (d === 32 || (d === 110 && text.charCodeAt(i + 4) === 32))) found |= APPOSITION;
    else if (c === 116 && d === 104 && text.startsWith("e ", i + 4)) found |= APPOSITION;
    else if (c === 111 && text.startsWith("one of ", i + 2)) found |= ONE_OF;
  }
  return found;
}
const OF_BEFORE = /\p{Lu}[\p{L}-]*\s+of\s+$/u;
const PERSON_APPOSED =
  /\b(?:spokes(?:man|woman|person)|founder|co-founder|leader|researcher|analyst|official|director|head|chief|executive|adviser|advisor|employee|engineer|lawyer|officer|administrator|representative)\s+(?:for|of|at|with|in)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,2}?$/iu;
// "CNA Financial, one of the largest commercial insurers in the United States": one of a kind of organisation
const ORG_NOUNS = CUES.add(
  /\b(?:companies|firms|organi[sz]ations|agencies|developers|operators|providers|makers|vendors|utilities|broadcasters|insurers|banks|manufacturers|producers|suppliers|carriers|retailers|contractors|exchanges|hospitals|universities|chains|lenders|publishers|distributors|processors)\b/,
);
/** after "a unit", "a subsidiary": " of" and the parent's capitalised name */
const PARENT_AFTER = /^\s+of\s+((?:\p{Lu}|\p{Ll}\p{Lu})[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,3})/u;
const ONE_OF_APPOSED = /,\s+one of (?:the|its|their)\s+(?:[\p{L}-]+\s+){0,4}?$/u;
// "Düsseldorf University Hospital", "Hollywood Presbyterian Medical Center", "the Port of San Diego": an
// institution named by capitalised words before the word for what it is (or a port by its city)
const INSTITUTION = CUES.add(
  /\b(?:Hospital|Clinic|Medical Cent(?:er|re)|University|College|Library|Archive|Museum|Airport|Health Board|Port of)\b/,
);
/** the capitalised words before an institution's noun, up to four, which may hold "of" or "and" */
const INSTITUTION_BEFORE =
  /(?<![\p{L}\d])(\p{Lu}[\p{L}'’.&-]*(?:\s+(?:\p{Lu}[\p{L}'’.&-]*|of|and|for)){0,3})\s+$/u;
/** the place after "Port of" */
const PORT_PLACE = /^\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?)/u;
/** from the comma to the noun: ", a", ", an" or ", the" and up to five words */
const APPOSED = /,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,5}?$/u;
/** the name that ends right before the comma, up to four capitalised words */
const NAME_BEFORE =
  /(?<![\p{L}\d])((?:\p{Lu}|\p{Ll}\p{Lu})[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,3})$/u;
// "Scandinavian airline SAS", "ride-hailing company Uber": a capitalised name after a word for its trade
const TRADE_ORG = CUES.add(
  /\b(?:airline|carrier|company|firm|retailer|bank|broadcaster|insurer|operator|manufacturer|developer|supplier|utility|chain|publisher|lender|contractor|provider|vendor|maker|producer|conglomerate|(?:crypto(?:currency)?|stock) exchange|(?:media|entertainment|publishing|industrial|retail|shipping|logistics|energy|engineering|financial|banking|technology|telecoms?|hotel|healthcare|steel|mining|automotive|food|fashion|gaming|insurance|construction|investment) group)\s+((?:\p{Lu}|\p{Ll}\p{Lu})[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,2})/gu,
);
// a name as groups write theirs: "Brain Cipher", "NoName057(16)", "Cyber Av3ngers", "Lapsus$"
const GROUP_NAME = String.raw`((?:\p{Lu}|\d)[\p{L}\d$@_'’()-]*(?:\s+(?:\p{Lu}|\d)[\p{L}\d$@_'’()-]*){0,3})`;
// "a group calling itself X", "the gang, which calls itself X", "hackers known as X", "one of them, which calls
// itself X"
const NAMED_GROUP = CUES.add(
  new RegExp(
    String.raw`\b(?:group|gang|collective|crew|team|persona|actor|hackers?|intruders|attackers|cluster|seller|individual|user|[Aa]ctivists|[Oo]ne of them)(?:,\s*(?:which|who)|\s+(?:which|that|who))?\s+(?:(?:is|are|was)\s+)?(?:(?:posting|writing|operating|acting)\s+)?(?:known as|called|calling (?:itself|himself|herself|themselves)|calls? (?:itself|himself|herself|themselves)|identifying (?:itself|themselves) as|dubbed|named|going by the name|goes by the name|tracked as|(?:using|under) the (?:name|handle|alias|moniker|pseudonym)|(?:it|they|researchers)\s+(?:calls?|dubs?|tracks? as|refers? to as))\s+["“]?(?:the\s+)?${GROUP_NAME}`,
    "gu",
  ),
);
// "Calling itself Black Reward, the group issued an ultimatum": the name a group gives itself, before its noun
const SELF_CALLED_FIRST = CUES.add(
  new RegExp(
    String.raw`\b[Cc]alling (?:itself|themselves) ["“]?${GROUP_NAME}["”]?,\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+)?(?:group|gang|hackers|collective|crew|hacktivists)\b`,
    "gu",
  ),
);
// "the hacktivist group Black Reward", "ransomware gang Medusa": a name right after the word for a gang
const TRADE_GANG = CUES.add(
  new RegExp(
    String.raw`\b(?:hacking|hacker|hacktivist|ransomware|cybercrime|cybercriminal|extortion|criminal|state-backed|state-sponsored|pro-[\p{L}-]+)\s+(?:group|gang|collective|crew|outfit|syndicate)\s+["“]?${GROUP_NAME}`,
    "gu",
  ),
);
const LISTED_GANGS = CUES.add(
  new RegExp(
    String.raw`\b[Tt]he\s+(?:hacker\s+|hacking\s+|hacktivist\s+|ransomware\s+)?(?:groups|gangs)\s+${GROUP_NAME}\s+and\s+${GROUP_NAME}`,
    "gu",
  ),
);
const ORG_SUFFIX = CUES.add(
  /\b(?:Technology|Technologies|Inc|Corp|Corporation|Holdings|Systems|Networks|Software|Financial|Airlines|Airways|Energy|Telecom|Communications|Labs|Pharmaceuticals|Healthcare|Insurance|Motors|Logistics|Solutions|Entertainment|Association|Company|Organi[sz]ation|Limited|Ltd|LLC|GmbH)\b/,
);
/**
 * one to four capitalised words right before a suffix ("Najee Technology Hooshmand Fater Company", "Wuhan
 * Xiaoruizhi Science and Technology"), after any owner ("Britain's BAE Systems")
 */
const SUFFIX_LEAD =
  /(?<![\p{L}\d'’])(\p{Lu}[\p{L}\d&.-]*(?:\s+(?:and\s+(?=(?:Technology|Technologies|Engineering|Trade|Development|Information)\b))?\p{Lu}[\p{L}\d&.-]*){0,3})\s+$/u;
const GANG_NOUN = CUES.add(/\b(?:gang|group|collective|crew|syndicate)\b/);
const THE_NAMED_GANG =
  /\b[Tt]he\s+((?:\p{Lu}|\d)[\p{L}\d$@_'’-]*(?:\s+(?:\p{Lu}|\d)[\p{L}\d$@_'’-]*){0,2})\s+(?:ransomware\s+|hacking\s+|hacker\s+|cybercrime\s+)?(?:gang|group|collective|crew|syndicate)\b/gu;
const RANSOMWARE_WORD = CUES.add(/\bransomware\b/);
const RANSOMWARE_NAMED =
  /\b(?:(?:running|ran|run|operating|operated|developing|developed|created|behind|using|deploying|deployed)\s+[Tt]he\s+((?:\p{Lu}|\d)[\p{L}\d$@_'’-]*)\s+ransomware\b|[Tt]he\s+((?:\p{Lu}|\d)[\p{L}\d$@_'’-]*)\s+ransomware\s+(?:scheme|operation|operators|business|enterprise|racket)\b)/gu;
// "Mandiant calls the group X", "which it tracks as X", "Microsoft named the actor X"
const GROUP_CALLED = CUES.add(
  new RegExp(
    String.raw`\b(?:calls?|called|dubs|dubbed|named|names|tracks|tracked)\s+(?:(?:the|this|that)\s+(?:[\p{Ll}-]+\s+){0,3}?(?:group|gang|actor|cluster|hackers)(?:\s+behind\s+(?:the|its|their)\s+[\p{Ll}-]+)?(?:\s+as)?|(?:it|them)\s+as)\s+["“]?${GROUP_NAME}`,
    "gu",
  ),
);
// "SektorCERT said", "ReliaQuest found": one word with a capital inside it, speaking, is an organisation's name
const CAMEL_SPEAKER =
  /(?<![\p{L}\d])((?!Mc|Mac)\p{Lu}\p{Ll}+\p{Lu}[\p{L}\d]*)(?=,?\s+(?:also\s+)?(?:said|says|reported|found|wrote|told|warned|published|observed|noted|added|concluded|assessed)\b)/gu;
const CAMEL_GATE = /[a-z][A-Z]/;
/** the verbs CAMEL_SPEAKER looks ahead to, found by the cue index: a sentence without one is not scanned */
const CAMEL_VERB = CUES.add(
  /\b(?:said|says|reported|found|wrote|told|warned|published|observed|noted|added|concluded|assessed)\b/,
);
const POSSESSIVE_AFTER = /^['’]s\b/;
const FULL_STOP = /(?<!\b(?:Inc|Co|Corp|Ltd))\.$/;
const THE_ARTICLE = /^The\s+/;
const WORDS_AFTER_THE = /^The(?:\s+\S+){3}$/;
const NAME_GOES_ON = /^\s\p{Lu}/u;
/** the word ending a company's name, then "and": "Company and Tabriz …" lists two companies */
const SUFFIX_WORD =
  /\b(?:Technology|Technologies|Inc|Corp|Corporation|Holdings|Systems|Networks|Software|Financial|Airlines|Airways|Energy|Telecom|Communications|Labs|Pharmaceuticals|Healthcare|Insurance|Motors|Logistics|Solutions|Entertainment|Association|Company|Organi[sz]ation|Limited|Ltd|LLC|GmbH)\s+and\s+$/;
const SMALL_WORD_FIRST = /^(?:of|and|for)\b/;
const OWNER_BEFORE = /^[^\s]+['’]s$/;

/** Every match of a global pattern, as `text.matchAll` gives them, without the copy of the pattern it makes. */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
// both group patterns need a naming verb: most sentences hold none, and are not scanned with them
const NAMING = CUES.add(
  /\b(?:known as|calls?|called|calling|dubs?|dubbed|named|names|going by|goes by|tracks?|tracked|refers?|name|handle|alias|moniker|pseudonym|identifying)\b/,
);
const NOT_AN_ORG =
  /^(?:The|A|An|It|He|She|They|In|On|At|After|When|While|Officials|Authorities|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|Meanwhile|However|Separately)$/;
const TIE_WORD =
  /-(?:linked|backed|based|sponsored|aligned|affiliated|allied|nexus|connected|tied|speaking)$/;
// "In April, the Japanese firm …": a phrase of time before the apposition, not a name
const TIME_PHRASE =
  /^(?:In|On|At|By|Since|Until|From|During|Before|After|Last|Early|Late|Earlier|Later)\s|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
/** words that open a sentence capitalised and name nothing before a service's noun ("Its botnet") */
const SENTENCE_WORD =
  /^(?:Its|Their|His|Her|This|That|These|Those|Our|Whose|Every|Each|Another|Any|One|Two)$/;
// a name ends before the words that follow it in a sentence: "… Brain Cipher (the group) In …"
const TRAILING = /[\s'’(-]+$|\s+(?:In|On|At|The|And|Or|But)$/u;

/** Institutions named in full ("Düsseldorf University Hospital"): they hold their words before any place in them. */
export function institutionNames(hits: CueHits): UnlistedName[] {
  const text = hits.text;
  const out: UnlistedName[] = [];
  for (const m of INSTITUTION.matchAll(hits)) {
    if (m[0] === "Port of") {
      const place = PORT_PLACE.exec(text.slice(m.index + m[0].length))?.[1];
      if (place) out.push({ index: m.index, name: `Port of ${place}`, form: "org" });
      continue;
    }
    // "The Internet Archive" opening a sentence: the article is not part of the name
    const lead = INSTITUTION_BEFORE.exec(
      text.slice(wordStartBefore(text, m.index - 60), m.index),
    )?.[1]?.replace(THE_ARTICLE, "");
    if (!lead || NOT_AN_ORG.test(lead) || TIME_PHRASE.test(lead) || SMALL_WORD_FIRST.test(lead)) continue;
    // "Toronto's Hospital for Sick Children": a city's, named after the noun; "St Mary's Hospital" is a name
    if (OWNER_BEFORE.test(lead)) continue;
    // "the University of Toronto" is named after the noun, and a lone "University" names nothing
    out.push({ index: m.index - lead.length - 1, name: `${lead} ${m[0]}`, form: "org" });
  }
  return out;
}

const NO_NOUNS: readonly RegExpExecArray[] = [];

/** The organisations and groups a sentence introduces by description; the caller keeps what the gazetteer lacks. */
export function unlistedNames(hits: CueHits): UnlistedName[] {
  const text = hits.text;
  const out: UnlistedName[] = [];
  let lastComma = -1;
  const commas = commaOpenings(text);
  const apposition = (commas & APPOSITION) !== 0;
  // a criminal service first: "X, a darknet market that traded stolen bank logins" is no bank
  if (apposition)
    for (const noun of SERVICE_NOUN.matchAll(hits)) {
      const comma = appositionComma(text, noun.index, lastComma);
      if (comma < 0) continue;
      lastComma = comma;
      const name = nameBefore(text, comma);
      // "Cyber Army of Russia Reborn, a hacktivist group": the capitals after "of" end a longer name
      if (
        name &&
        !NOT_AN_ORG.test(name) &&
        !TIME_PHRASE.test(name) &&
        !OF_BEFORE.test(text.slice(Math.max(0, comma - name.length - 40), comma - name.length))
      )
        out.push({ index: comma - name.length, name, form: "group" });
    }
  if (NAMED_SERVICE_NOUN.test(hits))
    for (const m of allMatches(NAMED_SERVICE, text))
      for (const name of [m[1], m[2]])
        if (name && name.length >= 3 && !NOT_AN_ORG.test(name) && !SENTENCE_WORD.test(name))
          out.push({ index: (m.index ?? 0) + m[0].lastIndexOf(name, m[0].length - 1), name, form: "group" });
  for (const noun of apposition ? ORG_NOUN.matchAll(hits) : NO_NOUNS) {
    const comma = appositionComma(text, noun.index, lastComma);
    if (comma < 0) continue;
    // "…, the hospital's computer systems began failing": a possessive opens a new clause, not an apposition
    if (POSSESSIVE_AFTER.test(text.slice(noun.index + noun[0].length))) continue;
    // "Jane Roe, a spokeswoman for the group": the name before is a person's, who speaks for the organisation
    if (PERSON_APPOSED.test(text.slice(comma, noun.index))) continue;
    lastComma = comma;
    addNameBefore(out, text, comma);
    // "Change Healthcare, a unit of UnitedHealth Group": the parent is an organisation too
    const parent = PARENT_AFTER.exec(
      text.slice(noun.index + noun[0].length, noun.index + noun[0].length + 60),
    );
    if (parent?.[1])
      addOrg(out, parent[1], noun.index + noun[0].length + parent[0].length - parent[1].length);
  }
  for (const noun of commas & ONE_OF ? ORG_NOUNS.matchAll(hits) : NO_NOUNS) {
    const comma = appositionComma(text, noun.index, lastComma, ONE_OF_APPOSED);
    if (comma < 0) continue;
    lastComma = comma;
    addNameBefore(out, text, comma);
  }
  // "Rackspace Technology said", "Live Nation Entertainment": capitalised words before a company's suffix
  const suffixed: UnlistedName[] = [];
  for (const m of ORG_SUFFIX.matchAll(hits)) {
    // "The Kestrel Harbour Pilots Association": an article before three words is not the name's; before fewer, it
    // opens a description ("The Korea Atomic Energy Research Institute"), not a name
    const found = SUFFIX_LEAD.exec(text.slice(wordStartBefore(text, m.index - 60), m.index))?.[1];
    const lead = found && WORDS_AFTER_THE.test(found) ? found.replace(THE_ARTICLE, "") : found;
    if (!lead || NOT_AN_ORG.test(lead.split(/\s+/)[0] ?? "")) continue;
    const name = `${lead} ${m[0]}`;
    if (NOT_AN_ORG.test(name) || TIME_PHRASE.test(name)) continue;
    const index = m.index - lead.length - 1;
    // "ICBC Financial Services", "Department of Information Technology": the suffix inside a longer name
    if (NAME_GOES_ON.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
    if (insideName(text, index) && !SUFFIX_WORD.test(text.slice(Math.max(0, index - 40), index))) continue;
    // "Najee Technology Hooshmand Fater Company": the name runs to its last suffix, not its first
    const last = suffixed.at(-1);
    if (last && index <= last.index) suffixed.pop();
    suffixed.push({ index, name, form: "org", suffixed: true });
  }
  out.push(...suffixed);
  for (const m of TRADE_ORG.matchAll(hits)) {
    // "… group Sakuraba." ends the sentence: the full stop is not the name's ("Inc." keeps its own)
    const name = (m[1] as string).replace(FULL_STOP, "");
    addOrg(out, name, m.index + m[0].indexOf(name));
  }
  // "the groups Killnet and Legion": gangs listed after the word for them
  for (const m of LISTED_GANGS.matchAll(hits)) {
    const [first, second] = [m[1] as string, m[2] as string];
    addGroup(out, first, (m.index ?? 0) + m[0].lastIndexOf(first, m[0].length - second.length - 1));
    addGroup(out, second, (m.index ?? 0) + m[0].length - second.length);
  }
  for (const m of TRADE_GANG.matchAll(hits)) {
    const raw = m[1] as string;
    addGroup(out, raw, (m.index ?? 0) + m[0].length - raw.length);
  }
  // (the verb first: the cue index knows it without a scan of the sentence, which the capital inside a word needs)
  if (CAMEL_VERB.test(hits) && CAMEL_GATE.test(text))
    for (const m of allMatches(CAMEL_SPEAKER, text))
      out.push({ index: m.index ?? 0, name: m[1] as string, form: "org" });
  // "the Ragnar Locker gang": capitalised words before a word for a gang
  if (GANG_NOUN.test(hits))
    for (const m of allMatches(THE_NAMED_GANG, text)) {
      const name = m[1] as string;
      // "the Russia-linked group APT28": a state's tie, not the group's name
      if (!NOT_AN_ORG.test(name) && !TIE_WORD.test(name))
        out.push({ index: (m.index ?? 0) + m[0].indexOf(name), name, form: "group" });
    }
  // "running the SamSam ransomware scheme": a strain named as the work of those who run it
  if (RANSOMWARE_WORD.test(hits))
    for (const m of allMatches(RANSOMWARE_NAMED, text)) {
      const name = (m[1] ?? m[2]) as string;
      if (!NOT_AN_ORG.test(name))
        out.push({ index: (m.index ?? 0) + m[0].indexOf(name), name, form: "group" });
    }
  // (a sentence may open on "Calling itself …", which NAMING, in lower case, does not hold)
  for (const m of SELF_CALLED_FIRST.matchAll(hits)) {
    const raw = m[1] as string;
    addGroup(out, raw, (m.index ?? 0) + m[0].indexOf(raw));
  }
  if (!NAMING.test(hits)) return out;
  for (const found of [NAMED_GROUP.matchAll(hits), GROUP_CALLED.matchAll(hits)])
    for (const m of found) {
      const raw = m[1] as string;
      addGroup(out, raw, (m.index ?? 0) + m[0].length - raw.length);
    }
  return out;
}

/** A group's name as a pattern caught it (GROUP_NAME), at `index`, without the words after it, if it names one. */
function addGroup(out: UnlistedName[], raw: string, index: number): void {
  const name = balanced(raw.replace(TRAILING, ""));
  if (name.length >= 3 && !NOT_AN_ORG.test(name)) out.push({ index, name, form: "group" });
}

/**
 * The comma that opens an apposition ending at the noun at `noun` (", a darknet market", ", one of the biggest
 * insurers"), or -1; a comma already read for an earlier noun opens no second one.
 */
function appositionComma(text: string, noun: number, lastComma: number, apposed = APPOSED): number {
  const comma = text.lastIndexOf(",", noun);
  return comma <= 0 || comma === lastComma || !apposed.test(text.slice(comma, noun)) ? -1 : comma;
}

/** The capitalised name that ends at `comma`. */
function nameBefore(text: string, comma: number): string | undefined {
  return NAME_BEFORE.exec(text.slice(wordStartBefore(text, comma - 90), comma))?.[1];
}

/** The name that ends at the comma opening an apposition, as an organisation. */
function addNameBefore(out: UnlistedName[], text: string, comma: number): void {
  // "The Global Times, a tabloid": the article opening the sentence is not part of the name
  const name = nameBefore(text, comma)?.replace(THE_ARTICLE, "");
  if (name) addOrg(out, name, comma - name.length);
}

function addOrg(out: UnlistedName[], name: string, index: number): void {
  if (!NOT_AN_ORG.test(name) && !TIME_PHRASE.test(name)) out.push({ index, name, form: "org" });
}

/** Where the word that holds `at` starts (0 before the text): a slice from there cuts no word. */
function wordStartBefore(text: string, at: number): number {
  if (at <= 0) return 0;
  const space = text.lastIndexOf(" ", at);
  return space < 0 ? 0 : space + 1;
}

/** "NoName057(16)" keeps its brackets; "Cipher)" from "(Brain Cipher)" loses an unopened one. */
function balanced(name: string): string {
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === "(") depth++;
    else if (name[i] === ")" && --depth < 0) return name.slice(0, i);
  }
  return depth > 0 ? name.slice(0, name.lastIndexOf("(")).trimEnd() : name;
}

// "Garmin said on Monday …": a lone capitalised word that speaks as a subject, named nowhere as a person
const SAYING_VERB = CUES.add(
  /\b(?:said|says|confirmed|confirms|told|announced|disclosed|acknowledged|added|warned)\b/g,
);
const LONE_NAME = /^\p{Lu}[\p{Ll}\d]+(?:\p{Lu}[\p{L}\d]*)?$/u;
const NAME_JOINER = /[\p{L}\d'’.&-]/u;
const AUXILIARY = new Set(["also", "later", "has", "had"]);

/**
 * The word before `at` (past "also", "later", "has", "had") when it is a lone capitalised name, and where it
 * starts.
 */
function loneNameBefore(text: string, at: number): { name: string; start: number } | undefined {
  let end = at;
  for (let step = 0; step < 2; step++) {
    while (end > 0 && isSpaceAt(text, end - 1)) end--;
    let start = end;
    while (start > 0 && isLetterOrDigitAt(text, start - 1)) start--;
    const word = text.slice(start, end);
    if (step === 0 && AUXILIARY.has(word)) {
      end = start;
      continue;
    }
    return LONE_NAME.test(word) && !NAME_JOINER.test(text[start - 1] ?? "")
      ? { name: word, start }
      : undefined;
  }
  return undefined;
}
/** whatever opens a sentence: its first word may be capitalised for that alone */
const SENTENCE_OPENING = /(?:^|[.!?:;]["”’]?\s+|\n\s*|["“]\s*)$/;
/** a capitalised word right before, unless it is a small word opening the sentence ("For Garmin, …") */
const CAPITALISED_BEFORE =
  /(?<![\p{L}\d])(?!(?:For|By|In|At|On|From|With|To|As|And|But|Of|After|Before|When|While|If|Like|Unlike|Including|Against|Since|Until|Despite|Among|Across|Over|Under|Without|Within|Only|Even|Also|Now|Then|Meanwhile|However)\s)\p{Lu}[\p{L}.'’-]*\s+$/u;
/** a title or trade before a word makes it a person's name ("spokesman Peskov", "minister Raab") */
const PERSON_TITLE_BEFORE =
  /\b(?:Mr|Mrs|Ms|Dr|spokes(?:man|woman|person)|minister|president|secretary|chief|director|officer|head|chairman|chairwoman|ambassador|envoy|analyst|researcher|professor|lawyer|attorney|judge|prosecutor|executive|founder|senator|governor|mayor|general|colonel|commander|aide|adviser|advisor)\.?\s+$/i;

/**
 * Single capitalised words that speak as the subject of a verb of saying ("Garmin said", "Transnet confirmed")
 * and that the text never writes as a person's name: never after another capitalised word or a title, and
 * capitalised at least once where no sentence opens (so "Officials said" is no name). They are organisations
 * the gazetteer lacks; the caller keeps only those it does not know.
 */
export function speakingNames(
  text: string,
  sentences: readonly Sentence[],
  cues: readonly CueHits[],
): string[] {
  const candidates = new Set<string>();
  const pairs = new Set<string>();
  for (const s of sentences)
    for (const m of SAYING_VERB.matchAll(cues[s.index] as CueHits)) {
      const lone = loneNameBefore(text, s.start + m.index);
      if (!lone) continue;
      const { name } = lone;
      if (name.length >= 3 && !NOT_AN_ORG.test(name) && !TIME_PHRASE.test(name)) candidates.add(name);
      const pair = pairBefore(text, lone.start, name);
      if (pair) pairs.add(pair);
    }
  const out: string[] = [];
  for (const pair of pairs)
    if (writtenAsOrganisation(text, pair, true) && lastWordNeverAlone(text, pair)) out.push(pair);
  for (const name of candidates) if (writtenAsOrganisation(text, name, false)) out.push(name);
  return out;
}

/**
 * True when `name` is capitalised somewhere no sentence opens, and nowhere written as a person's: after a title
 * ("spokesman Peskov") or another capitalised word ("Dmitry Peskov"), nor, for a name of two words (`whole`), with an
 * apposition giving a post or as the end of a longer name ("the International Committee of the Red Cross").
 */
function writtenAsOrganisation(text: string, name: string, whole: boolean): boolean {
  let midSentence = false;
  for (const at of wholeWordsAt(text, name)) {
    const before = text.slice(Math.max(0, at - 40), at);
    const opening = SENTENCE_OPENING.test(before);
    // a person's name once is no organisation's: the other places cannot change that
    if (PERSON_TITLE_BEFORE.test(before) || (!opening && CAPITALISED_BEFORE.test(before))) return false;
    if (
      whole &&
      (POST_AFTER.test(text.slice(at + name.length, at + name.length + 80)) ||
        (!opening && insideName(text, at)))
    )
      return false;
    if (!opening) midSentence = true;
  }
  return midSentence;
}

/** "Peskov said": a person is named again by the last word alone, an organisation never is. */
function lastWordNeverAlone(text: string, pair: string): boolean {
  const head = pair.slice(0, pair.indexOf(" ") + 1);
  const last = pair.slice(head.length);
  for (const at of wholeWordsAt(text, last))
    if (text.slice(Math.max(0, at - head.length), at) !== head) return false;
  return true;
}

/** "Western Digital said": the capitalised word before a lone name that speaks (at `at`), with it, as one name. */
function pairBefore(text: string, at: number, last: string): string | undefined {
  if (at <= 0) return undefined;
  const before = text.slice(Math.max(0, at - 40), at);
  const found = PAIR_FIRST.exec(before);
  const first = found?.[1];
  if (!found || !first || NOT_AN_ORG.test(first) || TIME_PHRASE.test(first)) return undefined;
  // "Principal deputy press secretary Karine Jean-Pierre", "Chief Executive Robert Thomson": a title, or a third
  // capitalised word, before the two
  const prefix = before.slice(0, found.index + found[0].length - first.length - 1);
  if (PERSON_TITLE_BEFORE.test(prefix) || (CAPITALISED_BEFORE.test(prefix) && !SENTENCE_OPENING.test(prefix)))
    return undefined;
  return `${first} ${last}`;
}
// a capitalised word and one space right before the lone name, opening a sentence or after a space or quote
const PAIR_FIRST = /(?:^|[\s"“(])(\p{Lu}[\p{Ll}\d]+) $/u;

// "… Committee of the", "… ICT and": a capitalised word, not one opening the sentence, joined to the name
const INSIDE_NAME = /(\p{Lu}[\p{L}.-]*),?\s+(?:of|and|for|&)\s+(?:the\s+)?$/u;

/** True when the name at `at` ends a longer one ("the International Committee of the Red Cross"). */
function insideName(text: string, at: number): boolean {
  const from = Math.max(0, at - 60);
  const m = INSIDE_NAME.exec(text.slice(from, at));
  return !!m && !SENTENCE_OPENING.test(text.slice(Math.max(0, from + m.index - 40), from + m.index));
}
// ", a spokeswoman for …", ", the agency's director": a post given to the name
const POST_AFTER =
  /^,\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,4}?(?:\w*spokes\w+|\w*minister|director|chief|officer|president|secretary|\w*secretary|head|analyst|researcher|executive|founder|chairman|chairwoman|professor|lawyer|adviser|advisor|manager|official|economist|expert|engineer|consultant|partner|leader|member|commissioner|ambassador|senator|governor|mayor|judge|prosecutor|attorney|who)\b/i;

const LETTER_OR_DIGIT = /[\p{L}\d]/u;
/** True when a letter or digit stands at `at` (false outside the text); ASCII is told by code, the rest by Unicode. */
function isLetterOrDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return c >= 128 && LETTER_OR_DIGIT.test(text.charAt(at));
}

const SPACE = /\s/;
/** True when white space (\s) stands at `at` (false outside the text). */
function isSpaceAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c >= 128 && SPACE.test(text.charAt(at));
}

/** the answer where a word stands nowhere (most sentences, for most words): shared, not made per call */
const NOWHERE: readonly number[] = [];

/** Where `word` stands in `text` as a whole word: no letter or digit on either side. */
export function wholeWordsAt(text: string, word: string): readonly number[] {
  let out = NOWHERE;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    if (!isLetterOrDigitAt(text, at - 1) && !isLetterOrDigitAt(text, at + word.length)) {
      if (out === NOWHERE) out = [];
      (out as number[]).push(at);
    }
  return out;
}

/**
 * Names the gazetteer lacks, introduced by the words around them: "SektorCERT, a non-profit that …",
 * "Scandinavian airline SAS", "a group calling itself Brain Cipher", "Mandiant calls the group Cobalt Harbor".
 */

export interface UnlistedName {
  /** where the name starts in the sentence */
  index: number;
  name: string;
  form: "org" | "group";
}

// a capitalised name described by an apposition that says it is an organisation
const UNKNOWN_ORG =
  /(?<![\p{L}\d])((?:\p{Lu}|\p{Ll}\p{Lu})[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,3}),\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,5}?(?:company|firm|non-?profit|organi[sz]ation|agency|developer|operator|provider|maker|vendor|start-?up|utility|broadcaster|insurer|bank|manufacturer|lab|laboratory|producer|supplier|carrier|retailer|group|giant|contractor|authority|committee|subsidiary|unit|arm|division|exchange|hospital|university|institute|chain|lender|publisher|distributor|processor)\b/gu;
const APPOSITION = /, (?:a|an|the) /;
// "Scandinavian airline SAS", "ride-hailing company Uber": a capitalised name after a word for its trade
const TRADE_ORG =
  /\b(?:airline|carrier|company|firm|retailer|bank|broadcaster|insurer|operator|manufacturer|developer|supplier|utility|chain|publisher|lender)\s+((?:\p{Lu}|\p{Ll}\p{Lu})[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,2})/gu;
// a plain scan first: the unicode pattern runs only on the few sentences that hold a trade word before a name
const TRADE_GATE =
  /(?:airline|carrier|company|firm|retailer|bank|broadcaster|insurer|operator|manufacturer|developer|supplier|utility|chain|publisher|lender)\s+\S/;
// a name as groups write theirs: "Brain Cipher", "NoName057(16)", "Cyber Av3ngers", "Lapsus$"
const GROUP_NAME = String.raw`((?:\p{Lu}|\d)[\p{L}\d$@_'’()-]*(?:\s+(?:\p{Lu}|\d)[\p{L}\d$@_'’()-]*){0,3})`;
// "a group calling itself X", "the gang, which calls itself X", "hackers known as X"
const NAMED_GROUP = new RegExp(
  String.raw`\b(?:group|gang|collective|crew|persona|actor|hackers|cluster)(?:,\s*(?:which|who)|\s+(?:which|that|who))?\s+(?:(?:is|are|was)\s+)?(?:known as|called|calling (?:itself|themselves)|calls? (?:itself|themselves)|dubbed|named|going by the name|goes by the name|tracked as)\s+["“]?${GROUP_NAME}`,
  "gu",
);
// "Mandiant calls the group X", "which it tracks as X", "Microsoft named the actor X"
const GROUP_CALLED = new RegExp(
  String.raw`\b(?:calls?|called|dubs|dubbed|named|names|tracks|tracked)\s+(?:(?:the|this|that)\s+(?:group|gang|actor|cluster|hackers)(?:\s+as)?|(?:it|them)\s+as)\s+["“]?${GROUP_NAME}`,
  "gu",
);
// "SektorCERT said", "ReliaQuest found": one word with a capital inside it, speaking, is an organisation's name
const CAMEL_SPEAKER =
  /(?<![\p{L}\d])((?!Mc|Mac)\p{Lu}\p{Ll}+\p{Lu}[\p{L}\d]*)(?=,?\s+(?:also\s+)?(?:said|says|reported|found|wrote|told|warned|published|observed|noted|added|concluded|assessed)\b)/gu;
const CAMEL_GATE = /[a-z][A-Z]/;
const NAMING_GATE = /known as|call|dubb?|named|going by|goes by|track/;
const NOT_AN_ORG =
  /^(?:The|A|An|It|He|She|They|In|On|At|After|When|While|Officials|Authorities|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|Meanwhile|However|Separately)$/;
// "In April, the Japanese firm …": a phrase of time before the apposition, not a name
const TIME_PHRASE =
  /^(?:In|On|At|By|Since|Until|From|During|Before|After|Last|Early|Late|Earlier|Later)\s|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
// a name ends before the words that follow it in a sentence: "… Brain Cipher (the group) In …"
const TRAILING = /[\s'’(-]+$|\s+(?:In|On|At|The|And|Or|But)$/u;

/** The organisations and groups a sentence introduces by description; the caller keeps what the gazetteer lacks. */
export function unlistedNames(text: string): UnlistedName[] {
  const out: UnlistedName[] = [];
  const appositions = APPOSITION.test(text) ? text.matchAll(UNKNOWN_ORG) : [];
  const traded = TRADE_GATE.test(text) ? text.matchAll(TRADE_ORG) : [];
  for (const m of [...appositions, ...traded]) {
    const name = m[1] as string;
    if (NOT_AN_ORG.test(name) || TIME_PHRASE.test(name)) continue;
    out.push({ index: (m.index ?? 0) + m[0].indexOf(name), name, form: "org" });
  }
  if (CAMEL_GATE.test(text))
    for (const m of text.matchAll(CAMEL_SPEAKER))
      out.push({ index: m.index ?? 0, name: m[1] as string, form: "org" });
  if (NAMING_GATE.test(text))
    for (const m of [...text.matchAll(NAMED_GROUP), ...text.matchAll(GROUP_CALLED)]) {
      const raw = m[1] as string;
      const name = balanced(raw.replace(TRAILING, ""));
      if (name.length < 3 || NOT_AN_ORG.test(name)) continue;
      out.push({ index: (m.index ?? 0) + m[0].length - raw.length, name, form: "group" });
    }
  return out;
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

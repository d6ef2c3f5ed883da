import type { SurfaceMatcher } from "../gazetteer/matcher.ts";

// the nouns that say a name is a business or an institution with a home of its own
const ORG_NOUN =
  "(?:company|companies|firm|marketplace|exchange|platform|bank|lender|insurer|operator|provider|retailer|manufacturer|maker|business|chain|carrier|airline|utility|developer|publisher|broadcaster|newspaper|hospital|university|start-?up|conglomerate|giant|supplier|contractor|group|corporation)";

/** ", a Slovenian …": an apposition opening on the article, up to where a nationality may stand */
const APPOSITION_OPENS = /^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?$/;
/** after the nationality of an apposition: the noun saying what the company is */
const NOUN_AFTER = new RegExp(`^(?:-based)?\\s+(?:[\\w-]+\\s+){0,2}?${ORG_NOUN}\\b`);
/** between a nationality and the name it comes before: "Slovenian crypto-mining marketplace NiceHash" */
const NOUN_BEFORE_NAME = new RegExp(`^(?:-based)?\\s+(?:[\\w-]+\\s+){0,2}?${ORG_NOUN}\\s+$`);

/**
 * The home a story gives a company the gazetteer lacks, beside its name: "NiceHash, a Slovenian company" or
 * "the Slovenian marketplace NiceHash" (`start` and `end`: the name's place in the sentence `text`). A company with
 * a home is hit where its home is.
 */
export function apposedHome(
  text: string,
  start: number,
  end: number,
  matcher: SurfaceMatcher,
): string | undefined {
  if (text.charCodeAt(end) === 44) {
    for (const m of matcher.match(text, end, Math.min(text.length, end + 50))) {
      if (m.entry.kind !== "country" || !homeForm(text, m.entry.form, m.end)) continue;
      if (!APPOSITION_OPENS.test(text.slice(end, m.start))) break;
      if (NOUN_AFTER.test(text.slice(m.end, m.end + 50))) return m.entry.country;
      break;
    }
  }
  const from = Math.max(0, start - 50);
  let home: string | undefined;
  for (const m of matcher.match(text, from, start)) {
    if (m.entry.kind !== "country" || !homeForm(text, m.entry.form, m.end)) continue;
    home = NOUN_BEFORE_NAME.test(text.slice(m.end, start)) ? m.entry.country : undefined;
  }
  return home;
}

/** a nationality ("Slovenian") or a country with "-based" ("Russia-based") */
function homeForm(text: string, form: string, end: number): boolean {
  return form === "adjective" || (form === "name" && text.startsWith("-based", end));
}

/** "Japan Airlines", "Australian Broadcasting Corporation": a company named after its country is at home there */
export function namedHome(
  text: string,
  start: number,
  end: number,
  matcher: SurfaceMatcher,
): string | undefined {
  const m = matcher.match(text, start, end)[0];
  return m && m.start === start && m.end < end && m.entry.kind === "country" ? m.entry.country : undefined;
}

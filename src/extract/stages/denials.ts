import type { CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import { addClaim, type ClaimDraft } from "./claim-draft.ts";
import { otherNamedAfter } from "./claim-subjects.ts";
import { speakerParty } from "./claimants.ts";
import { type Analysis, partyOf, sameParty } from "./context.ts";
import { CLAIM_CUES } from "./cues.ts";
import type { Mention } from "./mention.ts";
import { isNegated, subjectsBefore } from "./roles.ts";

/** ", a charge Pyongyang has …" right before a denial: the denial answers the accusation the sentence made */
export const DENIAL_IN_APPOSITION =
  /,\s+(?:a|an)\s+(?:charge|accusation|allegation|claim|finding|conclusion)\s+(?:that\s+)?(?:[\w-]+\s+){1,3}?(?:has|have|had)?\s*(?:(?:repeatedly|always|consistently|long|also)\s+)?$/i;

/** Denials: "Beijing rejected the accusation as groundless", "Russia denies any involvement". */
const DENY = CLAIM_CUES.deny;
const ABOUT_ATTRIBUTION =
  /accus|allegation|claim|involve|behind|responsib|attack|hack|cyber|report|evidence|charge|assertion|blame|slander|smear|fabricat|baseless|groundless|unfounded|\blies\b|finding|attribution|suggestion|(?:anything|nothing) to do with|theft|breach|intrusion|\brole\b|interfer|meddl|wrongdoing/i;
const ABOUT_WHO =
  /\b(?:involve|behind|responsib|role|link|tie|connect|state|government|carried out|conducted|launched|attack|hack|cyber|accus|blame|culprit|perpetrat|sponsor|back)/i;
const EXPLICIT_DENIAL =
  /\b(?:involvement|involved|responsib|accusations?|allegations?|claims|charges|behind|role|part in|findings?|attribution|suggestions|(?:anything|nothing) to do with|interfer|meddl)/i;
/** ", calling the claim groundless": a clause without a subject of its own, whose subject opens the sentence */
const SUBJECTLESS_CLAUSE =
  /,\s+(?:calling|describing|dismissing|labell?ing|terming|branding)\s+[^,;]{0,40}$/i;
const SPOKEN_TO = /\b(?:urged|urges|asked|asks|told|tells|called on|calls on|warned|warns)\s+(?:the\s+)?$/i;
const SAYS_NEXT =
  /^\W*(?:[\w-]+\s+){0,3}?(?:said|says|say|insisted|insists|argued|maintained|maintains|stated|added|found|saw)\b/i;

const NO_EVIDENCE = /^no evidence/i;
const ACCUSATION_NEXT =
  /^(?:['’]s)?\s+(?:[\w-]+\s+)?(?:accusations?|allegations?|findings?|claims?|charges?|side|assertions?|conclusions?)\b/i;
const MADE_BEFORE =
  /\b(?:making|made|make|makes|spreading|spreads|spread|levell?ing|levell?ed)\s+(?:such\s+|these\s+|those\s+|the\s+)?$/i;
const NEGATING = /\b(?:never|not|no|nothing)\b/i;
const CONFIRM_OR = /\b(?:confirm|admit)\s+(?:or|nor)\s+$/i;
const IN_BEFORE = /\bin\s+$/;

/** Adds the denials of one sentence: the denier is the clause's subject, else the sentence's speaker. */
export function findDenials(
  a: Analysis,
  s: Sentence,
  hits: CueHits,
  anonymous: boolean,
  out: ClaimDraft[],
): void {
  const matches = DENY.matchAll(hits);
  // a sentence about no attribution at all holds no denial
  if (!matches.length || !ABOUT_ATTRIBUTION.test(s.text)) return;
  for (const m of matches) {
    const pos = s.start + m.index;
    // "found no evidence that case files had been taken": a doubt about the damage, not about who did it
    if (
      NO_EVIDENCE.test(m[0]) &&
      !ABOUT_WHO.test(a.text.slice(pos + m[0].length, Math.min(s.end, pos + 120)))
    )
      continue;
    if (NEGATING.test(m[0]) === false && isNegated(a.text, pos - 12, pos)) continue;
    // "does not as a rule confirm or deny involvement": a refusal to say, not a denial
    // and "did not admit or deny the findings"
    if (CONFIRM_OR.test(a.text.slice(Math.max(s.start, pos - 16), pos))) continue;
    // "researchers linked the gang to Russian-speaking criminals but say there is no evidence": the attackers
    // described are not the ones speaking
    // "China's embassy in Helsinki rejected …": where the denier sits is not who denies
    const subj = subjectsBefore(a, s.index, pos, { attackers: true }).filter(
      (x) =>
        x.form !== "place" &&
        !(x.attacker && x.form === "adjective") &&
        !IN_BEFORE.test(a.text.slice(Math.max(s.start, x.start - 4), x.start)),
    );
    let who = SUBJECTLESS_CLAUSE.test(a.text.slice(Math.max(s.start, pos - 60), pos))
      ? subj[0]
      : subj[subj.length - 1];
    // "Beijing, which claims Taiwan as its territory and has denied …": the relative clause's own subject
    const relative = relativeHead(a, s, pos);
    if (relative) {
      // "Moscow, which routinely rejects Western accusations": a habit told in passing, no denial of this attack
      if (HABITUAL.test(a.text.slice(relative.end, pos))) continue;
      who = relative;
    }
    // "he urged Australian media to stop making what he called groundless accusations": the one urged is
    // spoken to; the denial is the speaker's
    if (who && SPOKEN_TO.test(a.text.slice(Math.max(s.start, who.start - 20), who.start))) who = undefined;
    // "rejected US accusations as groundless", "the Dutch side should stop making groundless allegations",
    // "Washington was … making baseless accusations": the one whose accusation is rejected is not the denier
    if (
      who &&
      (ACCUSATION_NEXT.test(a.text.slice(who.end, who.end + 30)) ||
        MADE_BEFORE.test(a.text.slice(Math.max(s.start, pos - 20), pos)))
    )
      who = undefined;
    // "there is no evidence" is a denial only from whoever says it: "linked the gang to … but say there is no
    // evidence" is said by the researchers, not by the gang
    if (who && NO_EVIDENCE.test(m[0]) && !SAYS_NEXT.test(a.text.slice(who.end, pos))) who = undefined;
    const p = (who && partyOf(who)) ?? speakerParty(a, s.index);
    // a company denies only what it was accused of ("Apple rejected the suggestion that it had helped"): one
    // that disputes a gang's boast about its data denies no part in an attack
    if (
      p &&
      (p.kind !== "organization" || out.some((c) => c.stance === "accuses" && sameParty(c.accused, p)))
    ) {
      addClaim(out, s.index, anonymous, "denies", p, p, pos, pos + m[0].length);
      const around = a.text.slice(pos, Math.min(s.end, pos + m[0].length + 50));
      const last = out[out.length - 1];
      // "Biden says no evidence of Russian state role": a doubt about another party, which only a denial
      // answering an accusation made in the story can be
      const ofOther = NO_EVIDENCE.test(m[0]) && otherNamedAfter(a, s.index, pos + m[0].length, p);
      if (last && EXPLICIT_DENIAL.test(around) && !ofOther) last.explicit = true;
      // "…, a charge Pyongyang has dismissed": the charge it dismisses is named just before
      if (last && DENIAL_IN_APPOSITION.test(a.text.slice(Math.max(s.start, pos - 60), pos)))
        last.explicit = true;
      // "Morocco, India, Hungary and Rwanda reject …": each state of a list that is the subject denies alike
      for (const other of who && !relative ? statesListedWith(a, subj, who) : []) {
        const q = partyOf(other);
        if (!q) continue;
        addClaim(out, s.index, anonymous, "denies", q, q, pos, pos + m[0].length);
        const added = out[out.length - 1];
        if (added && last?.explicit) added.explicit = true;
      }
    }
  }
}

const HABITUAL =
  /\b(?:routinely|repeatedly|regularly|consistently|always|in the past|long|previously|typically|usually)\b/i;
// from the last comma: nothing after the one it opens on is a comma
const RELATIVE_OPENS = /,\s+(?:which|who)\s+[^,;]*$/y;

/** The party a relative clause running up to `pos` hangs on: "Beijing, which … has denied". */
function relativeHead(a: Analysis, s: Sentence, pos: number): Mention | undefined {
  const head = a.text.slice(s.start, pos);
  const at = head.lastIndexOf(",");
  if (at < 0) return undefined;
  RELATIVE_OPENS.lastIndex = at;
  if (!RELATIVE_OPENS.test(head)) return undefined;
  const comma = s.start + at;
  return (a.bySentence[s.index] ?? []).find((m) => m.end === comma && !m.attacker && m.form !== "place");
}

const LIST_GLUE = /^(?:,\s*|\s+and\s+|,\s+and\s+)$/;
const STATE_FORMS = new Set(["name", "seat"]);

const LAST_GLUE = /^,?\s+and\s+$/;
const GOVERNED_BEFORE =
  /\b(?:to|by|of|with|from|in|for|at|on|against|than|after|before|between|and)\s+(?:the\s+)?$/i;

/**
 * The other states listed with `last` as one subject ("Morocco, India, Hungary and Rwanda"), in order: a list
 * whose last name follows "and", and whose first is governed by no preposition ("After talks with Germany and
 * France, Russia rejected …" lists no subjects).
 */
function statesListedWith(a: Analysis, subjects: readonly Mention[], last: Mention): Mention[] {
  const at = subjects.indexOf(last);
  if (at < 1 || !STATE_FORMS.has(last.form)) return [];
  const before = subjects[at - 1] as Mention;
  if (!LAST_GLUE.test(a.text.slice(before.end, last.start))) return [];
  const out: Mention[] = [];
  for (let i = at; i > 0; i--) {
    const prev = subjects[i - 1] as Mention;
    const cur = subjects[i] as Mention;
    if (!STATE_FORMS.has(prev.form) || !LIST_GLUE.test(a.text.slice(prev.end, cur.start))) break;
    out.unshift(prev);
  }
  const first = out[0];
  if (!first || GOVERNED_BEFORE.test(a.text.slice(Math.max(0, first.start - 16), first.start))) return [];
  return out;
}

import type { FuzzyDate, Party, Stance } from "../../model/index.ts";
import { type Analysis, partyId } from "./context.ts";

/** An attribution claim as the claim stage finds it, before it becomes a record. */
export interface ClaimDraft {
  stance: Stance;
  claimant: Party | null;
  accused: Party;
  sentence: number;
  start: number;
  end: number;
  /** the date the claim was made, when it comes with one (a response's) */
  date?: FuzzyDate;
  /**
   * else the sentence whose date of statement is the claim's: looked up only when a record needs it, as most
   * claims are dropped or merged into one already dated
   */
  saidIn?: number;
  /** a denial whose words say what is denied ("denied any involvement") */
  explicit?: boolean;
  /** told as what happened ("the group compromised two networks"), not as anyone's attribution */
  narrated?: boolean;
}

/** words that stand for a state without naming it: "the country", "authorities", "the government" */
const STANDS_FOR_STATE = /^(?:the\s|authorities|officials|police|prosecutors|government)/i;

function namedState(said: Party | null): boolean {
  return said?.kind === "state" && !(said.via && STANDS_FOR_STATE.test(said.via));
}

/** Adds a claim found in a sentence, unless it is one that cannot be made. */
export function addClaim(
  out: ClaimDraft[],
  sentence: number,
  anonymous: boolean,
  stance: Stance,
  said: Party | null,
  accused: Party,
  start: number,
  end: number,
): void {
  // "officials, speaking anonymously, said …" is unnamed; "US officials speaking on condition of anonymity" are
  // still their state's
  // (whether the state is named is asked only of an anonymous accusation, the one case it decides)
  const claimant = anonymous && stance === "accuses" && !namedState(said) ? null : said;
  if (claimant && stance === "accuses" && partyId(claimant) === partyId(accused)) return;
  // international bodies accuse, they are never accused; a state does not accuse its own services' group
  if (accused.kind === "intl" && stance === "accuses") return;
  if (claimant?.kind === "state" && accused.kind === "group" && accused.sponsor === claimant.country) return;
  // every draft has every field, in one order: they are read in loops over all of a document's claims
  out.push({
    stance,
    claimant,
    accused,
    sentence,
    start,
    end,
    date: undefined,
    saidIn: sentence,
    explicit: undefined,
    narrated: undefined,
  });
}

/** The date a claim was made: given with it, or the one its sentence says it was stated on. */
export function claimDate(a: Analysis, c: ClaimDraft): FuzzyDate | undefined {
  return c.date ?? (c.saidIn === undefined ? undefined : a.datesIn(c.saidIn).find((d) => d.statement)?.date);
}

import { isSpaceCode } from "./char-codes.ts";

/**
 * The first words a regular expression's matches can begin with, read from its source: what lets a cue be
 * looked up by word instead of scanned for. `\b(?:blam(?:ed|es)|pinned(?: [^.]{0,9})? on)` can only start
 * with "blamed", "blames" or "pinned"; `\b(?:accus)` with any word starting "accus" (a stem). A whole word
 * also says how the text may go on after it, as far as that can be listed: "pinned" by " on" or " " (then
 * anything), "the" of `\bthe hand of` only by " hand of". Most places a common word like "the" or "was" opens
 * are turned away by that, before the pattern runs.
 *
 * The answer may be wider than the truth (lookarounds are ignored), never narrower: a word the pattern can
 * start on is always listed. When that cannot be promised (a match may start mid-word, on punctuation or with
 * an unbounded class), the result is null and the caller scans with the pattern itself.
 */

/** A first word, lowercased: `complete` when the pattern ends the word there, else a stem the word starts with. */
export interface FirstWord {
  word: string;
  complete: boolean;
  /**
   * For a whole word, what the text must go on with right after it: one of these, lowercased ASCII, " " standing
   * for any whitespace (see `follow`). null when anything may follow (and always for a stem).
   */
  next: string[] | null;
}

type Node =
  | { t: "char"; c: string }
  | { t: "set"; chars: string[] | null } // null: too many characters to list (\w, ., [^…])
  | { t: "boundary" } // \b
  | { t: "assert" } // any other zero-width test: ^, $, \B, lookarounds
  | { t: "group"; alts: Node[][] }
  | { t: "repeat"; node: Node; min: number; max: number };

const MAX_WORD = 24;
// (the act words of every claim and response lexicon together list about 400)
const MAX_RESULTS = 1_000;
/** how far what follows a whole word is read, in characters */
const MAX_NEXT = 8;
/** how many different continuations of a word are listed; beyond that, they are cut shorter (see `nextOf`) */
const MAX_NEXTS = 48;
/** how many are gathered before they are cut: beyond that, anything may follow */
const MAX_GATHERED = 1_000;
/** a set of more characters than this ends a continuation */
const MAX_BRANCH = 6;
const DIGITS = [..."0123456789"];

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  alternation(): Node[][] {
    const alts: Node[][] = [this.sequence()];
    while (this.s[this.i] === "|") {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Node[] {
    const out: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== "|" && this.s[this.i] !== ")") {
      const atom = this.atom();
      out.push(this.quantified(atom));
    }
    return out;
  }

  private quantified(node: Node): Node {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === "?") [min, max] = [0, 1];
    else if (c === "*") [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === "+") [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return node;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
      this.i += m[0].length - 1;
    } else return node;
    this.i++;
    if (this.s[this.i] === "?") this.i++; // lazy or greedy: the same words can start a match
    return { t: "repeat", node, min, max };
  }

  private atom(): Node {
    const c = this.s[this.i++] as string;
    if (c === "(") {
      let lookaround = false;
      if (this.s[this.i] === "?") {
        const kind = this.s[this.i + 1];
        if (kind === ":") this.i += 2;
        else if (kind === "=" || kind === "!") [this.i, lookaround] = [this.i + 2, true];
        else if (kind === "<" && (this.s[this.i + 2] === "=" || this.s[this.i + 2] === "!"))
          [this.i, lookaround] = [this.i + 3, true];
        else if (kind === "<") this.i = this.s.indexOf(">", this.i) + 1; // named group
      }
      const alts = this.alternation();
      this.i++; // ")"
      return lookaround ? { t: "assert" } : { t: "group", alts };
    }
    if (c === "[") return this.charClass();
    if (c === "\\") return this.escape(false);
    if (c === ".") return { t: "set", chars: null };
    if (c === "^" || c === "$") return { t: "assert" };
    return { t: "char", c };
  }

  private escape(inClass: boolean): Node {
    const e = this.s[this.i++] as string;
    if (e === "b" && !inClass) return { t: "boundary" };
    if (e === "B") return { t: "assert" };
    if (e === "d") return { t: "set", chars: DIGITS };
    if ("wWDsSpPuxc".includes(e)) {
      if (e === "p" || e === "P") this.i = this.s.indexOf("}", this.i) + 1;
      // \s is whitespace only, which never continues a word: a set of non-word characters says the same
      return { t: "set", chars: e === "s" ? [" "] : null };
    }
    if (e === "n" || e === "t" || e === "r" || e === "f" || e === "v") return { t: "char", c: " " };
    // \0, backreferences (\1, \k<name>) and the like: nothing is promised of what they match
    if (isWordChar(e)) return { t: "set", chars: null };
    return { t: "char", c: e };
  }

  private charClass(): Node {
    const negated = this.s[this.i] === "^";
    if (negated) this.i++;
    const chars: string[] = [];
    let listable = !negated;
    while (this.i < this.s.length && this.s[this.i] !== "]") {
      let c = this.s[this.i++] as string;
      if (c === "\\") {
        const n = this.escape(true);
        if (n.t === "char") c = n.c;
        else {
          if (n.t === "set" && n.chars) chars.push(...n.chars);
          else listable = false;
          continue;
        }
      }
      if (this.s[this.i] === "-" && this.s[this.i + 1] !== "]" && this.i + 1 < this.s.length) {
        const to = this.s[this.i + 1] as string;
        this.i += 2;
        const span = to.charCodeAt(0) - c.charCodeAt(0);
        if (span > 30) listable = false;
        else for (let k = 0; k <= span; k++) chars.push(String.fromCharCode(c.charCodeAt(0) + k));
      } else chars.push(c);
    }
    this.i++; // "]"
    return { t: "set", chars: listable ? chars : null };
  }
}

// \b and \w in a pattern without the u flag: ASCII letters, digits and underscore
const isWordChar = (c: string) => /^[A-Za-z0-9_]$/.test(c);

/** A continuation: the nodes still to match, innermost sequence first. */
type Rest = { nodes: readonly Node[]; at: number; next: Rest | undefined } | undefined;

/**
 * The first words `source` can begin a match with, or null when no short list can be promised. Patterns with
 * both the u and the i flag are refused (Unicode case folding lets non-ASCII letters match ASCII ones: "ſ" is
 * "s"); with the u flag alone, \b and \w are ASCII as without it.
 */
export function firstWords(source: string, flags = ""): FirstWord[] | null {
  if (flags.includes("u") && flags.includes("i")) return null;
  const p = new Parser(source);
  const alts = p.alternation();
  if (p.i < source.length) return null;
  const out = new Map<string, { word: string; complete: boolean; next: Set<string> }>();
  let failed = false;

  /** Lists `word`; for a whole word, `lead` (the character that ends it, if any) and `rest` are what follows. */
  const emit = (word: string, complete: boolean, rest?: Rest, lead?: string) => {
    const key = `${word}|${complete}`;
    let found = out.get(key);
    if (!found) {
      found = { word, complete, next: new Set() };
      out.set(key, found);
    }
    if (out.size > MAX_RESULTS) failed = true;
    if (!complete) found.next.add("");
    else if (lead === undefined) follow(rest, "", found.next);
    else followChars([lead], rest, "", found.next);
  };

  /**
   * Adds to `into` the ways the text may go on at `rest`, after `tail`: a few characters read like the word was,
   * as far as they can be listed. An empty string among them means anything may follow.
   */
  let followSteps = 0;
  const follow = (rest: Rest, tail: string, into: Set<string>): void => {
    if (into.size > MAX_GATHERED || ++followSteps > 200_000) {
      into.add("");
      return;
    }
    if (!rest || tail.length >= MAX_NEXT) {
      into.add(tail);
      return;
    }
    if (rest.at >= rest.nodes.length) {
      follow(rest.next, tail, into);
      return;
    }
    const node = rest.nodes[rest.at] as Node;
    const after: Rest = { nodes: rest.nodes, at: rest.at + 1, next: rest.next };
    switch (node.t) {
      case "boundary":
      case "assert":
        follow(after, tail, into); // a test passed over: the list is only wider
        return;
      case "char":
        followChars([node.c], after, tail, into);
        return;
      case "set":
        if (!node.chars || node.chars.length > MAX_BRANCH) into.add(tail);
        else followChars(node.chars, after, tail, into);
        return;
      case "group":
        for (const alt of node.alts) follow({ nodes: alt, at: 0, next: after }, tail, into);
        return;
      case "repeat":
        if (node.max === Number.POSITIVE_INFINITY) {
          // once at least, then the list stops: as if the match ended after one
          if (node.min === 0) into.add(tail);
          else follow({ nodes: [node.node], at: 0, next: undefined }, tail, into);
          return;
        }
        if (node.min === 0) follow(after, tail, into);
        if (node.max === 0) return;
        follow(
          {
            nodes: [node.node, { ...node, min: Math.max(0, node.min - 1), max: node.max - 1 }],
            at: 0,
            next: after,
          },
          tail,
          into,
        );
        return;
    }
  };

  // Non-ASCII characters end a continuation: with the i flag they fold to other non-ASCII characters, which the
  // reader's ASCII-only lowering would not see. Whitespace is " ": the reader takes any \s for it.
  const followChars = (chars: readonly string[], after: Rest, tail: string, into: Set<string>) => {
    for (const c of chars) {
      const code = c.charCodeAt(0);
      if (code >= 128 || code === 0) into.add(tail);
      else follow(after, tail + (isSpaceCode(code) ? " " : c.toLowerCase()), into);
    }
  };

  // walks every path from the start, carrying the word read so far and whether a \b opened it
  let steps = 0;
  const walk = (rest: Rest, word: string, anchored: boolean): void => {
    // a repeat of something that can match nothing would loop: give up rather than hang
    if (failed || ++steps > 200_000) {
      failed = true;
      return;
    }
    if (word.length >= MAX_WORD) {
      emit(word, false);
      return;
    }
    if (!rest) {
      // the match may end here: whatever follows the word is unknown
      if (!word) failed = true;
      else emit(word, false);
      return;
    }
    if (rest.at >= rest.nodes.length) {
      walk(rest.next, word, anchored);
      return;
    }
    const node = rest.nodes[rest.at] as Node;
    const after: Rest = { nodes: rest.nodes, at: rest.at + 1, next: rest.next };
    switch (node.t) {
      case "boundary":
        // after a word character, \b means the word ends here
        if (word) {
          emit(word, true, after);
          return;
        }
        walk(after, word, true);
        return;
      case "assert":
        walk(after, word, anchored);
        return;
      case "char":
        step([node.c], after, word, anchored);
        return;
      case "set":
        if (!node.chars) {
          if (!word) failed = true;
          else emit(word, false);
          return;
        }
        step(node.chars, after, word, anchored);
        return;
      case "group":
        for (const alt of node.alts) walk({ nodes: alt, at: 0, next: after }, word, anchored);
        return;
      case "repeat": {
        // an unbounded repeat inside a word ("\\d+"): the word may go on with anything, so it is a stem
        if (word && node.max === Number.POSITIVE_INFINITY) {
          emit(word, false);
          return;
        }
        if (node.min === 0) walk(after, word, anchored);
        if (node.max === 0) return;
        const again: Node = {
          t: "repeat",
          node: node.node,
          min: Math.max(0, node.min - 1),
          max: node.max - 1,
        };
        walk({ nodes: [node.node, again], at: 0, next: after }, word, anchored);
        return;
      }
    }
  };

  const step = (chars: readonly string[], after: Rest, word: string, anchored: boolean) => {
    for (const c of chars) {
      if (isWordChar(c)) {
        // a match that does not open on a \b may start inside a word: no word list can promise to find it
        if (!word && !anchored) {
          failed = true;
          return;
        }
        walk(after, word + c.toLowerCase(), anchored);
      } else if (!word) {
        failed = true; // a match opening on punctuation or a space is not at a word's start
        return;
      } else emit(word, true, after, c);
    }
  };

  for (const alt of alts) walk({ nodes: alt, at: 0, next: undefined }, "", false);
  return failed
    ? null
    : [...out.values()].map(({ word, complete, next }) => ({ word, complete, next: nextOf(next) }));
}

/**
 * The continuations as a list, null when anything may follow; one that another opens is the only one kept.
 * Too many are cut to their first few characters, as few as it takes: " it was behind", " it had hacked" and
 * their like become " it " (a shorter continuation only lets more places through).
 */
function nextOf(next: Set<string>): string[] | null {
  if (next.has("") || next.size > MAX_GATHERED) return null;
  for (let length = MAX_NEXT; length > 0; length--) {
    const cut = [...new Set([...next].map((s) => s.slice(0, length)))].sort();
    const kept = cut.filter((s, k) => !cut.slice(0, k).some((t) => s.startsWith(t)));
    if (kept.length <= MAX_NEXTS) return kept;
  }
  return null;
}

import { corpusFixtures } from "./corpus.ts";

/**
 * Docs JSONL lines of corpus stories each told by several "outlets" (the story with a line of its own at the end,
 * so each text is new): the same facts come in many documents, which makes writers race to create and merge
 * them, and the facts do not depend on the order the documents come in.
 */
export function outletLines(stories: number, outlets: number): string[] {
  return corpusFixtures()
    .slice(0, stories)
    .flatMap((s) =>
      Array.from({ length: outlets }, (_, k) =>
        JSON.stringify({
          id: `${s.id}-outlet-${k}`,
          published: s.published,
          text: `${s.text.trimEnd()}\n\nFiled by the night desk of outlet number ${k + 1}.\n`,
        }),
      ),
    );
}

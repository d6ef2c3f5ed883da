import type { Visibility } from "./visibility.ts";

/**
 * The SQL both backends read an incident's quotes with, over their own `reports` query: the reports (fact,
 * source, local id, the source's place in the store's order, how many quotes it gives) of the incident, its
 * claims and its responses. Only the parameters are written differently (`?` or `$4`).
 */

/** The reports a reader may see: a restricted reader's are checked against their sources' markings. */
function visibleReports(reports: string, vis: Visibility): string {
  return vis.restricted
    ? `SELECT r.* FROM (${reports}) r JOIN sources s ON s.seq = r.source_seq WHERE ${vis.source("s")}`
    : reports;
}

/** Every quote of the facts, per fact in the order the sources were stored. */
export function everyQuoteSql(reports: string, vis: Visibility): string {
  return `SELECT e.fact_id, e.source_id, e.start, e."end", e.quote
    FROM (${visibleReports(reports, vis)}) r
    JOIN evidence e ON e.source_id = r.source_id AND e.local_id = r.local_id AND e.fact_id = r.fact_id
    ORDER BY e.fact_id, r.source_seq, e.local_id, e.position`;
}

/**
 * The first `cut` quotes of each fact in the same order, each with how many the fact has in all (`cut` names
 * the parameter, twice). The reports' counts of quotes say which reports hold the first ones (those with fewer
 * quotes than the cut before them) and the total; only those reports' quotes are read.
 */
export function firstQuotesSql(reports: string, vis: Visibility, cut: [string, string]): string {
  return `SELECT fact_id, source_id, start, "end", quote, total FROM (
      SELECT e.fact_id, e.source_id, e.start, e."end", e.quote, k.total, k.source_seq, k.local_id, e.position,
        row_number() OVER (PARTITION BY e.fact_id ORDER BY k.source_seq, k.local_id, e.position) AS n
      FROM (SELECT r.fact_id, r.source_id, r.local_id, r.source_seq,
          sum(r.quotes) OVER (PARTITION BY r.fact_id ORDER BY r.source_seq, r.local_id
            ROWS UNBOUNDED PRECEDING) - r.quotes AS before,
          CAST(sum(r.quotes) OVER (PARTITION BY r.fact_id) AS integer) AS total
        FROM (${visibleReports(reports, vis)}) r) k
      JOIN evidence e ON e.source_id = k.source_id AND e.local_id = k.local_id AND e.fact_id = k.fact_id
      WHERE k.before < ${cut[0]}) q
    WHERE n <= ${cut[1]}
    ORDER BY fact_id, source_seq, local_id, position`;
}

import { type ReadScope, TLP_LEVELS, TlpSchema, tlpWithin } from "../model/index.ts";
import { StoreError } from "../model/store-errors.ts";

/**
 * SQL conditions that hide what a reader's TLP clearance does not reach (see `ReadScope`): a source is visible
 * when its marking is within the clearance, a fact when at least one source that reports it is. Without a
 * clearance, or with RED, every condition is `true` (which SQLite and PostgreSQL both read) and queries read as
 * they did before clearances existed. The TLP levels are inlined from the vocabulary (never from input), so the
 * SQL cannot be injected into, and a statement's text stays the same for a clearance (prepared once).
 */
export class Visibility {
  readonly restricted: boolean;
  private readonly list: string;

  constructor(scope: ReadScope = {}) {
    const clearance = scope.clearance;
    if (clearance !== undefined && !TlpSchema.safeParse(clearance).success) {
      throw new StoreError(
        "BAD_QUERY",
        `The clearance "${String(clearance)}" is not a TLP level; the levels are ${TLP_LEVELS.join(", ")}.`,
      );
    }
    const levels = clearance === undefined ? [...TLP_LEVELS] : tlpWithin(clearance);
    this.restricted = levels.length < TLP_LEVELS.length;
    this.list = `(${levels.map((l) => `'${l}'`).join(", ")})`;
  }

  /** `alias` is a row of `sources` */
  source(alias: string): string {
    return this.restricted ? `${alias}.tlp IN ${this.list}` : "true";
  }
  incident(idExpr: string): string {
    return this.fact("incident_sources", "incident_id", idExpr);
  }
  claim(idExpr: string): string {
    return this.fact("claim_sources", "claim_id", idExpr);
  }
  response(idExpr: string): string {
    return this.fact("response_sources", "response_id", idExpr);
  }

  private fact(table: string, column: string, idExpr: string): string {
    if (!this.restricted) return "true";
    return `EXISTS (SELECT 1 FROM ${table} vx JOIN sources vs ON vs.id = vx.source_id
      WHERE vx.${column} = ${idExpr} AND vs.tlp IN ${this.list})`;
  }
}

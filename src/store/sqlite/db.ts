import type BetterSqlite3 from "better-sqlite3";

/** An open database with its prepared statements, each prepared once and reused. */
export class Db {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  constructor(
    readonly raw: BetterSqlite3.Database,
    private readonly clock: () => Date,
  ) {}

  prep<Row = unknown>(sql: string): BetterSqlite3.Statement<unknown[], Row> {
    let s = this.statements.get(sql);
    if (s === undefined) {
      s = this.raw.prepare(sql);
      this.statements.set(sql, s);
    }
    return s as BetterSqlite3.Statement<unknown[], Row>;
  }

  /** The current moment as an ISO timestamp; tests may set the clock. */
  now(): string {
    return this.clock().toISOString();
  }
}

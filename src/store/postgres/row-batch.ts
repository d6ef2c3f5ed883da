import type { TxSql } from "./db.ts";

/** A table's insert of any number of rows in one statement: its columns, with their PostgreSQL types. */
export interface RowsInsert {
  table: string;
  columns: ReadonlyArray<readonly [name: string, type: string]>;
  /** appended to the statement (ON CONFLICT …) */
  tail?: string;
}

/**
 * The statement that inserts rows given as one array per column, in the order given: a table's identity
 * (`seq`, the order things were stored) follows the order of its rows as one insert after another would.
 */
export function rowsInsertText({ table, columns, tail }: RowsInsert): string {
  const names = columns.map(([name]) => (name === "end" ? `"end"` : name)).join(", ");
  const aliases = columns.map((_, k) => `c${k}`);
  const arrays = columns.map(([, type], k) => `$${k + 1}::${type}[]`).join(", ");
  return `INSERT INTO ${table} (${names}) SELECT ${aliases.join(", ")}
    FROM unnest(${arrays}) WITH ORDINALITY AS u(${aliases.join(", ")}, ord) ORDER BY ord${tail ? ` ${tail}` : ""}`;
}

/** A row to insert, with what it is (for a message) and the unique values another row may already hold. */
interface Row {
  values: readonly unknown[];
  what: string;
  keys: readonly string[];
}

type Entry =
  | { kind: "statement"; text: string; values: readonly unknown[] }
  | { kind: "row"; insert: RowsInsert; row: Row };

/**
 * Statements to send in order, where rows inserted one after the other into the same table go as one
 * statement: the same writes in the same order, fewer statements for the server to run.
 */
export class RowBatch {
  private readonly entries: Entry[] = [];

  statement(text: string, values: readonly unknown[]): void {
    this.entries.push({ kind: "statement", text, values });
  }

  row(insert: RowsInsert, values: readonly unknown[], what: string, keys: readonly string[] = []): void {
    this.entries.push({ kind: "row", insert, row: { values, what, keys } });
  }

  /**
   * Sends the statements; a row whose unique values another row holds already fails its insert with the
   * sentence `duplicate` makes of what it is.
   */
  sendTo(sql: TxSql, duplicate: (what: string) => unknown): void {
    let run: { insert: RowsInsert; rows: Row[] } | undefined;
    const flush = () => {
      if (!run) return;
      const { insert, rows } = run;
      run = undefined;
      const arrays = insert.columns.map((_, k) => rows.map((r) => r.values[k]));
      sql.send(rowsInsertText(insert), arrays, (err) => {
        if ((err as { code?: string }).code !== "23505") return err;
        // "Key (identity)=(…) already exists.": the row that holds the value
        const detail = String((err as { detail?: unknown }).detail ?? "");
        const row = rows.find((r) => r.keys.some((k) => detail.includes(`=(${k})`))) ?? rows[0];
        return duplicate(row?.what ?? "a fact");
      });
    };
    for (const e of this.entries) {
      if (e.kind === "row") {
        if (run?.insert !== e.insert) flush();
        run ??= { insert: e.insert, rows: [] };
        run.rows.push(e.row);
      } else {
        flush();
        sql.send(e.text, e.values);
      }
    }
    flush();
  }
}

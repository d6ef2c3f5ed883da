import { type Command, Option } from "commander";
import { TLP_LEVELS } from "../model/index.ts";
import type { CliIo } from "./io.ts";

const DB_HELP = "the knowledge base file (default: $CASEBOOK_DB, else ./casebook.db)";

const EXPORT_EXAMPLES = `
Examples:
  $ casebook export --format stix --out kb.stix.json       (the whole knowledge base as one STIX 2.1 bundle)
  $ casebook export --format stix --incident e5dfe799      (one incident and everything it refers to)
  $ casebook export --format misp --incident e5dfe799      (one MISP event, as events/add takes it)
  $ casebook export --format misp > events.jsonl           (one MISP event per incident, one a line)
  $ casebook export --format csv --tlp green > table.csv   (a table; only what TLP:GREEN readers may see)`;

const IMPORT_EXAMPLES = `
Examples:
  $ casebook import enterprise-attack.json                 (ATT&CK: groups, aliases, revoked → replacement)
  $ casebook import misp-galaxy/threat-actor.json          (MISP galaxy: synonyms, country, state sponsor)
  $ casebook import kb.stix.json --db other.db             (a Casebook export: its sources are read again)`;

/** `export`, `import` and `taxii`: the knowledge base in and out of other tools' formats. */
export function registerInteropCommands(program: Command, io: CliIo): void {
  program
    .command("export")
    .summary("write the knowledge base as STIX 2.1, MISP events or CSV")
    .description(
      "Write the knowledge base, or one incident, as a STIX 2.1 bundle, MISP events or a CSV table. Output\n" +
        "is streamed; the same knowledge base always gives the same ids and content.",
    )
    .addOption(
      new Option("--format <FORMAT>", "what to write").choices(["stix", "misp", "csv"]).default("stix"),
    )
    .option("-o, --out <FILE>", "where to write (default: standard output)")
    .option("--incident <ID>", "only this incident (an id or its first characters)")
    .addOption(
      new Option("--tlp <LEVEL>", "the reader's clearance: leave out sources marked above it").choices(
        TLP_LEVELS,
      ),
    )
    .option("--no-text", "STIX: leave the sources' full texts out of their reports")
    .option("--db <FILE>", DB_HELP)
    .addHelpText("after", EXPORT_EXAMPLES)
    .action(async (opts) => (await import("./interop-commands.ts")).runExport(opts, io));

  program
    .command("import")
    .summary("read STIX 2.1 bundles and MISP galaxy threat actors into the knowledge base")
    .description(
      "Read STIX 2.1 bundles (intrusion sets and threat actors join the threat-group catalogue; a Casebook\n" +
        "export's sources are read again) and MISP galaxy cluster files. Extraction knows the new names at once.",
    )
    .argument("<FILE...>", "STIX bundles (.json) or MISP galaxy cluster files")
    .option("--db <FILE>", DB_HELP)
    .addHelpText("after", IMPORT_EXAMPLES)
    .action(async (files: string[], opts) =>
      (await import("./interop-commands.ts")).runImport(files, opts, io),
    );

  program
    .command("taxii")
    .summary("serve the knowledge base over TAXII 2.1 (read-only)")
    .description(
      "Serve the knowledge base as a read-only TAXII 2.1 collection under /taxii2/ until interrupted.",
    )
    .option("--port <N>", "port to listen on (default 6100)")
    .option("--host <HOST>", "address to listen on (default 127.0.0.1)")
    .addOption(
      new Option("--tlp <LEVEL>", "the most restricted marking served (default clear)").choices(TLP_LEVELS),
    )
    .option("--db <FILE>", DB_HELP)
    .action(async (opts) => (await import("./interop-commands.ts")).runTaxii(opts, io));
}

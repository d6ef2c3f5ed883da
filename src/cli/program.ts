import { Command, Option } from "commander";
import { ROLES, TLP_LEVELS } from "../model/index.ts";
import { registerInteropCommands } from "./interop-program.ts";
import type { CliIo } from "./io.ts";
import { registerKnowledgeCommands } from "./knowledge-program.ts";

const EXTRACT_EXAMPLES = `
Examples:
  $ casebook extract story.txt --published 2022-09-10
  $ casebook extract page.html                      (date, title and url from the page's meta tags)
  $ casebook extract --input docs.jsonl --output records.jsonl
  $ cat docs.jsonl | casebook extract --input - > records.jsonl

Batch lines are JSON objects: {"id", "title", "published", "text"} or "html" in place of "text",
optionally "url" and "tlp". Each writes one record line, in order; a line that cannot be read
writes {"document":{"id":…},"error":"…","code":"…"} instead and the batch goes on.`;

/**
 * The `casebook` command line. Commands do their work through the service layer only, and are loaded when
 * they run, so `--help` and argument errors answer at once instead of after the extractor's start-up.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command("casebook")
    .description(
      "Reads news about cyberattacks and extracts an evidence-backed record: incidents, attributions and " +
        "denials, and what each state did about them, each pointing at the exact words of the source.",
    )
    .version("0.1.0", "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError("(run with --help for usage)");

  program
    .command("extract")
    .summary("extract the record of one article, or of a batch of JSON lines")
    .description(
      "Extract the record of one text or HTML article (printed as JSON), or of every line of a batch.",
    )
    .argument("[FILE]", "a text or HTML article (.txt, .html, or sniffed from its content)")
    .option("--published <DATE>", "publication date, YYYY-MM-DD or an ISO timestamp (required for text)")
    .option("--title <TITLE>", "title of the article (default: the first line, or the page's title)")
    .option("--url <URL>", "where the article was published")
    .option("--id <ID>", "document id (default: the file name without its extension)")
    .addOption(
      new Option("--format <FORMAT>", "read FILE as this format instead of detecting it").choices([
        "text",
        "html",
      ]),
    )
    .option("-i, --input <FILE>", "batch: a JSON-lines file of documents, or - for standard input")
    .option("-o, --output <FILE>", "where to write (default: standard output)")
    .option(
      "--batch <N>",
      "batch: documents extracted together (default: 32; 1 answers each line as soon as it arrives)",
    )
    .addHelpText("after", EXTRACT_EXAMPLES)
    .action(async (file: string | undefined, opts) =>
      (await import("./extract-command.ts")).runExtract(file, opts, io),
    );

  program
    .command("start")
    .summary("serve the web app, loading the bundled sample stories into an empty knowledge base")
    .description(
      "Build the web app if it is missing, load the bundled sample stories into the knowledge base when it is\n" +
        "empty (creating ./casebook.db), and serve the web app and the API; prints the address.",
    )
    .option("--db <FILE>", "the knowledge base file (default: $CASEBOOK_DB, else ./casebook.db)")
    .option("--port <PORT>", "port to listen on (default: 8787)")
    .option("--host <HOST>", "address to listen on (default: 127.0.0.1)")
    .action(async (opts) => (await import("./serve-command.ts")).runAppStart(opts, io));

  program
    .command("serve")
    .summary("serve the web app and the HTTP API over a knowledge base")
    .description(
      "Serve the JSON API under /api (described at /api/docs) and the web app. Without access tokens the\n" +
        "server is open and listens on loopback only; with tokens every request needs one.",
    )
    .option("--db <FILE>", "the knowledge base file (default: $CASEBOOK_DB, else ./casebook.db)")
    .option("--port <PORT>", "port to listen on (default: 8787)")
    .option("--host <HOST>", "address to listen on (default: 127.0.0.1)")
    .action(async (opts) => (await import("./serve-command.ts")).runServe(opts, io));

  const token = program.command("token").summary("manage access tokens of the server");
  token
    .command("create")
    .summary("create a token and print its secret once")
    .requiredOption("--name <NAME>", "who or what the token is for")
    .addOption(
      new Option("--role <ROLE>", "reader reads, analyst also reviews and ingests, admin also manages tokens")
        .choices(ROLES)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option("--tlp <LEVEL>", "the highest TLP marking the token may see")
        .choices(TLP_LEVELS)
        .makeOptionMandatory(),
    )
    .option("--db <FILE>", "the knowledge base file (default: $CASEBOOK_DB, else ./casebook.db)")
    .action(async (opts) => (await import("./token-command.ts")).runTokenCreate(opts, io));
  token
    .command("list")
    .summary("list tokens (never their secrets)")
    .option("--db <FILE>", "the knowledge base file (default: $CASEBOOK_DB, else ./casebook.db)")
    .action(async (opts) => (await import("./token-command.ts")).runTokenList(opts, io));
  token
    .command("revoke")
    .summary("revoke a token")
    .argument("<ID>", "the token's id, as `token list` prints it")
    .option("--db <FILE>", "the knowledge base file (default: $CASEBOOK_DB, else ./casebook.db)")
    .action(async (id: string, opts) => (await import("./token-command.ts")).runTokenRevoke(id, opts, io));

  program
    .command("corpus")
    .summary("extract the bundled sample stories and print a summary table")
    .description(
      "Extract every story of the bundled corpus (data/corpus/) and print, per story, how many incidents,\n" +
        "claims and responses were found and the first incident; then the totals.",
    )
    .option("--corpus <DIR>", "a folder of NNN-slug.txt stories with NNN-slug.json beside each")
    .action(async (opts: { corpus?: string }) => (await import("./start-command.ts")).runStart(opts, io));

  registerKnowledgeCommands(program, io);
  registerInteropCommands(program, io);
  return program;
}

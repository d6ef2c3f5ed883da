import { type Command, Option } from "commander";
import { INCIDENT_TYPES, TLP_LEVELS } from "../model/index.ts";
import { DEFAULT_QUOTES } from "../model/knowledge.ts";
import type { CliIo } from "./io.ts";

const DB_HELP =
  "the knowledge base: a file, or a postgres://user@host/database URL (default: $CASEBOOK_DB, else ./casebook.db)";
const PG_HELP = "the PostgreSQL knowledge base holding the queue, postgres://… (default: $CASEBOOK_DB)";

const INGEST_EXAMPLES = `
Examples:
  $ casebook ingest data/corpus                       (a folder, recursively; X.json beside X.txt gives its date)
  $ casebook ingest story.txt --published 2022-09-10 --tlp amber
  $ casebook ingest docs.jsonl feed.rss page.html --db cases.db

Reads text (.txt, .md) and HTML (.html, .htm) files, docs JSONL (.jsonl: {"id","title","published","text"|"html"}
per line) and RSS/Atom feeds (.rss, .atom, .xml: each item a document, its link and date kept). A text already
stored (same sha256) is a duplicate and changes nothing. Exits 1 if any document could not be ingested.`;

const INCIDENTS_EXAMPLES = `
Examples:
  $ casebook incidents --victim AL --since 2022-01
  $ casebook incidents --accused IR --type wiper --json
  $ casebook incidents --claimant US --text border

A party is a country code (AL), a key (group:apt28, org:microsoft) or a name (APT28). A country matches the
state and, for victims and the accused, what is tied to it (its organisations, the groups it sponsors).
Dates are YYYY, YYYY-MM or YYYY-MM-DD; an incident matches when its date, at its precision, overlaps the range.`;

/** `ingest` and the query commands of the knowledge base, loaded when they run. */
export function registerKnowledgeCommands(program: Command, io: CliIo): void {
  program
    .command("ingest")
    .summary("read sources into the knowledge base")
    .description(
      "Extract every document under the PATHs and store it, with its facts and evidence, in the knowledge base.",
    )
    .argument("<PATH...>", "files or folders: text, HTML, docs JSONL, RSS/Atom")
    .option("--db <FILE>", DB_HELP)
    .addOption(
      new Option("--tlp <LEVEL>", "TLP marking of sources that carry none (default: clear)").choices(
        TLP_LEVELS,
      ),
    )
    .option("--published <DATE>", "publication date of text and HTML files that declare none (YYYY-MM-DD)")
    .option(
      "--queue",
      "hand the documents to the queue for `casebook worker` processes instead (PostgreSQL only)",
    )
    .addHelpText("after", INGEST_EXAMPLES)
    .action(async (paths: string[], opts) =>
      (await import("./ingest-command.ts")).runIngest(paths, opts, io),
    );

  program
    .command("worker")
    .summary("take documents from the queue and store them (run any number, on any machines)")
    .description(
      "Work on the ingest queue of a PostgreSQL knowledge base: each job is one document, extracted, resolved\n" +
        "and stored exactly as `casebook ingest` would. Runs until stopped (Ctrl-C or SIGTERM finish the jobs in\n" +
        "hand). A job that fails is retried with growing pauses, then listed by `casebook jobs --failed`.",
    )
    .option("--db <URL>", PG_HELP)
    .option("--concurrency <N>", "jobs at once in this process (default 1; run one worker per core instead)")
    .option("--exit-when-idle", "stop once no job is waiting, retrying or being worked on")
    .option("--quiet", "no progress lines")
    .action(async (opts) => (await import("./queue-commands.ts")).runWorkerCommand(opts, io));

  program
    .command("jobs")
    .summary("the queue's progress, or the jobs that failed for good")
    .option("--db <URL>", PG_HELP)
    .option("--failed", "list the jobs that failed for good, with their reasons (the dead-letter list)")
    .option("--limit <N>", "at most N failed jobs (default 100)")
    .option("--json", "print JSON")
    .action(async (opts) => (await import("./queue-commands.ts")).runJobsCommand(opts, io));

  const feeds = program
    .command("feeds")
    .summary("follow RSS/Atom feeds: each new item's page goes to the queue")
    .description(
      "Follow RSS and Atom feeds. `feeds run` polls each feed when it is due, with conditional requests (ETag,\n" +
        "If-Modified-Since), fetches the page of every item it has not taken before and queues it for the\n" +
        "workers; a feed that fails is polled less and less often until it answers again.",
    );
  feeds
    .command("add")
    .argument("<URL>", "the feed's address")
    .option("--every <DURATION>", "how often to poll it: 15m, 1h, 1d (default 15m, at least 1m)")
    .addOption(new Option("--tlp <LEVEL>", "TLP marking of its items (default: clear)").choices(TLP_LEVELS))
    .option("--db <URL>", PG_HELP)
    .action(async (url: string, opts) => (await import("./feeds-command.ts")).runFeedsAdd(url, opts, io));
  feeds
    .command("list")
    .option("--db <URL>", PG_HELP)
    .option("--json", "print JSON")
    .action(async (opts) => (await import("./feeds-command.ts")).runFeedsList(opts, io));
  feeds
    .command("remove")
    .argument("<URL|N>", "the feed's address, or its number in `feeds list`")
    .option("--db <URL>", PG_HELP)
    .action(async (which: string, opts) =>
      (await import("./feeds-command.ts")).runFeedsRemove(which, opts, io),
    );
  feeds
    .command("poll")
    .summary("poll every feed once, now, and exit")
    .option("--db <URL>", PG_HELP)
    .action(async (opts) => (await import("./feeds-command.ts")).runFeedsPoll({ ...opts, once: true }, io));
  feeds
    .command("run")
    .summary("poll each feed when it is due, until stopped")
    .option("--db <URL>", PG_HELP)
    .action(async (opts) => (await import("./feeds-command.ts")).runFeedsPoll({ ...opts, once: false }, io));

  program
    .command("reprocess")
    .summary("extract every stored source again and rebuild the knowledge base")
    .description(
      "Extract every stored source again with this version of Casebook and rebuild the incidents, claims and\n" +
        "responses from the new records, merging them in the order the sources were first stored. One\n" +
        "transaction: an interrupted run changes nothing. Sources and analysts' decisions stay; a decision\n" +
        "applies again to the fact of the same id.",
    )
    .option("--db <FILE>", DB_HELP)
    .action(async (opts) => (await import("./knowledge-commands.ts")).runReprocess(opts, io));

  program
    .command("incidents")
    .summary("list incidents, filtered")
    .description("List the incidents of the knowledge base, newest first, filtered by the options given.")
    .option("--victim <PARTY>", "a victim, e.g. AL")
    .option("--accused <PARTY>", "accused by some claim, e.g. IR")
    .option("--claimant <PARTY>", "the accuser (or denier) of some claim, e.g. US")
    .addOption(new Option("--type <TYPE>", "incident type").choices(INCIDENT_TYPES))
    .option("--since <DATE>", "on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--until <DATE>", "on or before")
    .option("--text <WORDS>", "words in the label, systems or quotes")
    .option("--limit <N>", "at most N incidents (default 100)")
    .option("--offset <N>", "skip the first N")
    .option("--json", "print JSON")
    .option("--db <FILE>", DB_HELP)
    .addHelpText("after", INCIDENTS_EXAMPLES)
    .action(async (opts) => (await import("./knowledge-commands.ts")).runIncidents(opts, io));

  program
    .command("show")
    .summary("one incident with its claims, responses and quotes")
    .description(
      "Print an incident's facts, its claims and responses, each with its quotes and their sources.",
    )
    .argument("<ID>", "an incident id, or its first characters as `incidents` shows them")
    .option("--quotes <N|all>", `quotes shown per fact, or all of them (default ${DEFAULT_QUOTES})`)
    .option("--json", "print JSON")
    .option("--db <FILE>", DB_HELP)
    .action(async (id: string, opts) => (await import("./knowledge-commands.ts")).runShow(id, opts, io));

  program
    .command("parties")
    .summary("every party, with how often it is victim, claimant, accused, actor or target")
    .option("--json", "print JSON")
    .option("--db <FILE>", DB_HELP)
    .action(async (opts) => (await import("./knowledge-commands.ts")).runParties(opts, io));

  program
    .command("stats")
    .summary("incidents per year and type; claimant × accused and victim × accused dyads")
    .option("--json", "print JSON")
    .option("--db <FILE>", DB_HELP)
    .action(async (opts) => (await import("./knowledge-commands.ts")).runStats(opts, io));

  program
    .command("search")
    .summary("full-text search over the sources")
    .description(
      'Search the titles and texts of the stored sources: words (all must occur), "a phrase", prefix*.',
    )
    .argument("<QUERY>", "what to look for")
    .option("--limit <N>", "at most N sources (default 20)")
    .option("--json", "print JSON")
    .option("--db <FILE>", DB_HELP)
    .action(async (query: string, opts) =>
      (await import("./knowledge-commands.ts")).runSearch(query, opts, io),
    );
}

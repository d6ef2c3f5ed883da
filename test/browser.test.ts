import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { corpusServer } from "./helpers/web-server.ts";

/**
 * The web app in a real Chromium (Debian's /usr/bin/chromium driven by playwright-core) against a real server on
 * an ephemeral port over the team's corpus. Screenshots of each page go to test-output/screenshots/.
 */
const CHROMIUM = process.env.CASEBOOK_CHROMIUM ?? "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SHOTS = join(ROOT, "test-output/screenshots");
const FIXTURES = join(ROOT, "test/fixtures/web");
const available = existsSync(CHROMIUM);
const required = Boolean(process.env.CASEBOOK_REQUIRE_BROWSER);
const skip =
  !available && !required
    ? `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CASEBOOK_CHROMIUM); set CASEBOOK_REQUIRE_BROWSER=1 to fail instead`
    : false;

describe("the web app in Chromium", { skip, timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof corpusServer>>;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const errors: string[] = [];

  before(async () => {
    assert.ok(available, `CASEBOOK_REQUIRE_BROWSER is set but there is no Chromium at ${CHROMIUM}`);
    mkdirSync(SHOTS, { recursive: true });
    server = await corpusServer();
    profile = mkdtempSync(join(tmpdir(), "casebook-chromium-"));
    // A fresh profile each run (playwright passes it to Chromium as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      viewport: { width: 1360, height: 900 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("dialog", (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const url = (path: string) => new URL(path, server.url).href;

  it("goes from the incident list to Iran's accusation and denial, the source, a rejection, and a new article", async () => {
    // 1. The incident list, filtered by victim.
    await page.goto(url("/incidents"));
    await page.waitForSelector("#incidents tbody tr");
    await shot("01-incidents");
    await page.fill("#f-victim", "Albania");
    await page.press("#f-victim", "Enter");
    await page.waitForURL(/victim=Albania/);
    await page.waitForSelector("#incidents tbody tr");
    const rows = await page.locator("#incidents tbody tr").allInnerTexts();
    assert.ok(rows.length >= 1 && rows.every((r) => r.includes("Albania")), `rows: ${rows.join(" | ")}`);
    await shot("02-incidents-victim-albania");

    // 2. The September 2022 incident: Albania accuses Iran, Iran denies.
    await page
      .locator("#incidents tbody tr", { hasText: "Sep 2022" })
      .first()
      .locator("a.incident-link")
      .click();
    await page.waitForURL(/\/incidents\/[\w-]+$/);
    const incidentPath = new URL(page.url()).pathname;
    const iran = page.locator("section.accused-group", { has: page.locator("h3", { hasText: "Iran" }) });
    const accusation = iran.locator("tr.stance-accuses", { hasText: "Albania" }).first();
    const denial = iran.locator("tr.stance-denies", { hasText: "Iran" }).first();
    await accusation.waitFor();
    await denial.waitFor();
    await shot("03-incident-september-2022");

    // 3. Through to the source, the quote highlighted.
    const quote = (
      await accusation
        .locator("q")
        .first()
        .textContent()
        .then((t) => t ?? "")
    ).trim();
    await accusation.locator("a.source-link").first().click();
    await page.waitForURL(/\/sources\/[\w-]+\?span=\d+-\d+$/);
    const focused = page.locator("mark.focus");
    await focused.waitFor();
    assert.equal((await focused.textContent().then((t) => t ?? "")).trim(), quote);
    assert.ok(
      await focused.evaluate(
        (el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight,
      ),
    );
    await shot("04-source-quote-highlighted");

    // 4. Reject the accusation; after a reload it is still marked rejected.
    await page.goto(url(incidentPath));
    const claimId = await page
      .locator("section.accused-group tr.stance-accuses")
      .first()
      .getAttribute("data-claim");
    assert.ok(claimId);
    const row = page.locator(`tr[data-claim="${claimId}"]`);
    await row.locator('button[data-action="reject"]').click();
    await page.locator(`tr[data-claim="${claimId}"].rejected`).waitFor();
    await page.reload();
    await page.locator(`tr[data-claim="${claimId}"] [data-verdict="reject"]`).waitFor();
    assert.match((await page.locator(`tr[data-claim="${claimId}"]`).getAttribute("class")) ?? "", /rejected/);
    await shot("05-claim-rejected-after-reload");

    // 5. A new team-written article, pasted and saved, is found in the list.
    await page.goto(url("/ingest"));
    await page.fill("textarea[name=text]", readFileSync(join(FIXTURES, "belgium-ministries.txt"), "utf8"));
    await page.fill("input[name=published]", "2022-07-19");
    await page.click("#preview");
    await page.locator(".ingest-result mark.ev").first().waitFor();
    await shot("06-ingest-preview");
    await page.click("#save");
    const saved = page.locator("#saved a").first();
    await saved.waitFor();
    const label = (await saved.textContent().then((t) => t ?? "")).trim();
    await shot("07-ingest-saved");
    await page.goto(url("/incidents?victim=Belgium"));
    await page.locator("#incidents a.incident-link", { hasText: label }).waitFor();
    await shot("08-new-incident-in-list");
    assert.deepEqual(errors, []);
  });

  it("shows hostile article text as text: no script runs, entities and bidi marks stay characters", async () => {
    const text = readFileSync(join(FIXTURES, "hostile.txt"), "utf8");
    await page.goto(url("/ingest"));
    await page.fill("textarea[name=text]", text);
    await page.fill("input[name=published]", "2023-05-10");
    await page.click("#save");
    await page.locator("#saved").waitFor();
    const source = await page
      .locator(".ingest-result .source-text")
      .textContent()
      .then((t) => t ?? "");
    assert.ok(source.includes("<script>window.__pwned = 1</script>"), "the script tag shows as text");
    assert.ok(source.includes("&amp;") && source.includes("&lt;b&gt;"), "entities are not decoded");
    assert.ok(source.includes("\u202e"), "the right-to-left override is kept as a character");
    const incident = page.locator("#saved a").first();
    await incident.click();
    await page.locator("a.source-link").first().click();
    await page.locator(".source-text").waitFor();
    await shot("09-hostile-source");
    const text2 = await page
      .locator(".source-text")
      .textContent()
      .then((t) => t ?? "");
    assert.ok(text2.includes('<img src=x onerror="window.__pwned = 2">'));
    assert.equal(await page.locator(".source-text script, .source-text img, .source-text a").count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(errors, []);
  });

  it("draws the timeline, graph, map and dyads", async () => {
    for (const [path, selector, name] of [
      ["/timeline", "svg.timeline circle", "10-timeline"],
      ["/graph", "#graph canvas", "11-graph"],
      ["/map", "svg.map path.country.hit", "12-map"],
      ["/dyads", "table.matrix td.hit", "13-dyads"],
    ] as const) {
      await page.goto(url(path));
      await page.locator(selector).first().waitFor();
      await shot(name);
    }
    assert.deepEqual(errors, []);
  });
});

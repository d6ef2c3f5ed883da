import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectFormat } from "./detect-format.ts";

describe("detectFormat", () => {
  it("trusts known extensions", () => {
    assert.equal(detectFormat("story.html", "plain words"), "html");
    assert.equal(detectFormat("STORY.HTM", "plain words"), "html");
    assert.equal(detectFormat("story.txt", "<!DOCTYPE html><html>"), "text");
  });

  it("sniffs pages without a known extension", () => {
    assert.equal(detectFormat("download", "\uFEFF  <!-- saved -->\n<!doctype html>\n<html>"), "html");
    assert.equal(detectFormat(undefined, Buffer.from("<html lang=en><body>")), "html");
    assert.equal(detectFormat(undefined, "<div><p>One</p><p>Two</p></div>"), "html");
  });

  it("takes prose for text even when it mentions a tag", () => {
    assert.equal(detectFormat(undefined, "Headline\n\nThe page used a <p> tag."), "text");
    assert.equal(detectFormat("notes.json", "Just words."), "text");
  });
});

// Reads the runnable examples out of docs/*.md and checks what each one documents.
//
// A fenced block is runnable when the line right before it is an HTML comment
// `<!-- doc-test: KIND -->` (attributes may follow KIND, e.g. `app=counting`). Kinds:
//   sh-setup    shell lines every `sh` example of the docs runs first (exports, helper functions)
//   sh          a bash script; the next marked block says what it must print:
//     response  an HTTP response as `curl -i` prints it: the status line must match, and the body
//               (JSON) must equal the documented one (placeholders below)
//     stdout    the exact standard output (surrounding whitespace ignored)
//   js          an ES module run with node in e2e/js (so pusher-js and pusher resolve); `stdout` follows
//   transcript  a WebSocket conversation, one frame per line (see runTranscript)
//   hmac        (before a markdown table, not a fence) rows holding a string to sign and its HMAC-SHA256 hex, keyed with `secret=`
//
// Placeholders: `<anything>` in documented output matches any text; `"<…>"` as a whole JSON value,
// or `<…>` written where a JSON value goes, matches any value.
import { createHmac } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const MARKER = /^<!--\s*doc-test:\s*([\w-]+)([^>]*?)\s*-->\s*$/;
const FENCE = /^(`{3,})(.*)$/;

/** Every marked block of `file`: `{file, line, kind, attributes, info, text}`, in document order. */
export function markedBlocks(file) {
  const lines = readFileSync(file, "utf8").split("\n");
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = lines[i].match(MARKER);
    if (!marker) {
      continue;
    }
    if (marker[1] === "hmac") {
      let end = i + 1;
      while (lines[end]?.startsWith("|")) end++;
      blocks.push({ file, line: i + 2, kind: "hmac", attributes: attributesOf(marker[2]), info: "", text: lines.slice(i + 1, end).join("\n") });
      i = end - 1;
      continue;
    }
    const fence = lines[i + 1]?.match(FENCE);
    if (!fence) {
      throw new Error(`${file}:${i + 1}: a doc-test marker must be followed by a fenced block`);
    }
    const end = lines.findIndex((line, index) => index > i + 1 && line.startsWith(fence[1]));
    if (end < 0) {
      throw new Error(`${file}:${i + 2}: unterminated fenced block`);
    }
    blocks.push({
      file,
      line: i + 2,
      kind: marker[1],
      attributes: attributesOf(marker[2]),
      info: fence[2].trim(),
      text: lines.slice(i + 2, end).join("\n"),
    });
    i = end;
  }
  return blocks;
}

function attributesOf(text) {
  return Object.fromEntries([...text.matchAll(/([\w-]+)=(\S+)/g)].map((match) => [match[1], match[2]]));
}

/** The markdown files of `dir` (not recursive), sorted by name. */
export function markdownFiles(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Pairs each example with the block that documents its result: `{example, expected}` for the kinds
 * `sh`, `js` and `transcript`/`hmac` (these have no separate expectation).
 */
export function examples(blocks) {
  const paired = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind === "sh" || block.kind === "js") {
      const next = blocks[i + 1];
      if (!next || !["response", "stdout"].includes(next.kind)) {
        throw new Error(`${where(block)}: a ${block.kind} example needs a response or stdout block after it`);
      }
      paired.push({ example: block, expected: next });
      i++;
    } else if (block.kind === "transcript" || block.kind === "hmac") {
      paired.push({ example: block, expected: null });
    } else if (block.kind !== "sh-setup") {
      throw new Error(`${where(block)}: unexpected doc-test block "${block.kind}"`);
    }
  }
  return paired;
}

export function where(block) {
  return `${block.file.replace(/^.*\/docs\//, "docs/")}:${block.line}`;
}

/** A RegExp for documented text in which every `<…>` matches any text. */
export function placeholderPattern(text) {
  const parts = text.split(/<[^<>\n]*>/);
  const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join("[\\s\\S]*?")}$`);
}

const ANY = "\u0000any-value";

/** Parses documented JSON in which a `<…>` written where a value goes means "any value". */
export function parseDocumentedJson(text) {
  return JSON.parse(text.replace(/([:[,]\s*)<[^<>"\n]*>/g, '$1"\\u0000any-value"'));
}

/** Whether `actual` (parsed JSON) matches `documented` (parseDocumentedJson) with its placeholders. */
export function jsonMatches(documented, actual) {
  if (documented === ANY) {
    return true;
  }
  if (typeof documented === "string") {
    return typeof actual === "string" && placeholderPattern(documented).test(actual);
  }
  if (Array.isArray(documented)) {
    return (
      Array.isArray(actual) &&
      documented.length === actual.length &&
      documented.every((item, index) => jsonMatches(item, actual[index]))
    );
  }
  if (documented !== null && typeof documented === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      return false;
    }
    const keys = Object.keys(documented).sort();
    const actualKeys = Object.keys(actual).sort();
    return (
      keys.length === actualKeys.length &&
      keys.every((key, index) => key === actualKeys[index] && jsonMatches(documented[key], actual[key]))
    );
  }
  return documented === actual;
}

/** `curl -i` output (or a documented response) split into its status code and body. */
export function splitHttpResponse(text) {
  const normalized = text.replace(/\r\n/g, "\n");
  const blank = normalized.indexOf("\n\n");
  const head = blank < 0 ? normalized : normalized.slice(0, blank);
  const status = head.match(/^HTTP\/[\d.]+ (\d{3})/);
  if (!status) {
    throw new Error(`not an HTTP response:\n${text}`);
  }
  return { status: Number(status[1]), statusLine: head.split("\n")[0].trim(), body: blank < 0 ? "" : normalized.slice(blank + 2).trim() };
}

/** Lowercase hex HMAC-SHA256 of `message` keyed with `secret`. */
export function hmacHex(secret, message) {
  return createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

/** The rows of an `hmac` block's table: `{message, signature}` from each row's first and last code span. */
export function hmacRows(block) {
  const rows = [];
  for (const line of block.text.split("\n")) {
    if (!line.startsWith("|") || /^\|[\s|:-]+\|?$/.test(line)) {
      continue;
    }
    const spans = [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    if (spans.length >= 2) {
      rows.push({ message: spans[0], signature: spans[spans.length - 1] });
    }
  }
  return rows;
}

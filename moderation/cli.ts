/**
 * Moderation CLI, for moderators testing word lists and for re-scanning exported text.
 *
 *   npm run moderate -- "some text"                 readable verdict
 *   npm run moderate -- --json "some text"          the verdict as JSON
 *   npm run moderate -- --jsonl < in.jsonl          {"id","text"} per line in, one verdict line out
 *   npm run moderate -- --policy org.json ...       apply an organisation policy
 *
 * Never needs the network unless PERSPECTIVE_API_KEY is set. In --jsonl mode it
 * never echoes the text back. Exit codes: 0 ok, 2 bad usage or bad policy file,
 * 1 unexpected failure.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  ModerationInputError,
  PolicyError,
  createModerator,
  createPerspectiveClassifier,
  parsePolicy,
  type ModerationPolicy,
  type Moderator,
  type RemoteClassifier,
  type Verdict,
} from './index.js';

const HELP = `Check text with the Voicebox safeguarding filter.

Usage:
  npm run moderate -- [options] "text to check"
  npm run moderate -- --jsonl [options] < input.jsonl > verdicts.jsonl

Options:
  --jsonl            Read JSON lines {"id": ..., "text": ...} from stdin and write one
                     line per input: {"id","action","escalate","severity","categories","reasons"}.
                     A line that cannot be read gives {"id","error"}; processing continues.
  --json             Print the verdict for a single text as JSON.
  --policy FILE      Apply an organisation policy (JSON). A bad file exits with code 2.
  --max-length N     Longest text accepted (default 2000 characters).
  -h, --help         Show this help.

Environment:
  PERSPECTIVE_API_KEY  If set, texts are also sent to Google Perspective (doNotStore).
                       Off by default: without it, nothing leaves this machine.
`;

const lineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
});

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function loadPolicy(file: string | undefined): ModerationPolicy | undefined {
  if (file === undefined) return undefined;
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    fail(`Cannot read policy file: ${file}`, 2);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    fail(`Policy file is not valid JSON: ${file}`, 2);
  }
  try {
    return parsePolicy(json);
  } catch (e) {
    if (e instanceof PolicyError) fail(`${e.message}\n(in ${file})`, 2);
    throw e;
  }
}

function classifiersFromEnv(): RemoteClassifier[] {
  const key = process.env.PERSPECTIVE_API_KEY?.trim();
  return key !== undefined && key !== '' ? [createPerspectiveClassifier({ apiKey: key })] : [];
}

function summary(v: Verdict): Record<string, unknown> {
  return { action: v.action, escalate: v.escalate, severity: v.severity, categories: v.categories, reasons: v.reasons };
}

function readable(text: string, v: Verdict): string {
  const lines = [
    `action:     ${v.action}`,
    `escalate:   ${v.escalate ? 'yes, a safeguarding lead is told' : 'no'}`,
    `severity:   ${v.severity}`,
    `categories: ${v.categories.length > 0 ? v.categories.join(', ') : '(none)'}`,
  ];
  if (v.reasons.length > 0) {
    lines.push('reasons:');
    for (const r of v.reasons) {
      const snippet = text.slice(r.span[0], r.span[1]);
      lines.push(`  - ${r.stage} / ${r.rule}  [${r.category}, ${r.severity}]  at ${r.span[0]}-${r.span[1]}${snippet !== '' ? `: "${snippet}"` : ''}`);
    }
  }
  if (v.remote !== undefined) lines.push(`remote:     ${v.remote.status} (${v.remote.classifiers.join(', ')})`);
  if (v.support !== undefined) {
    lines.push('support message for the author:');
    lines.push(`  ${v.support.message}`);
    for (const c of v.support.contacts) lines.push(`  - ${c.name}${c.phone !== undefined ? `: ${c.phone}` : ''}${c.note !== undefined ? ` (${c.note})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

async function runJsonl(moderator: Moderator): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let id: unknown = null;
    let out: Record<string, unknown>;
    try {
      const json: unknown = JSON.parse(line);
      if (typeof json === 'object' && json !== null && 'id' in json) id = (json as { id: unknown }).id;
      const parsed = lineSchema.safeParse(json);
      if (!parsed.success) {
        out = { id, error: 'Each line needs {"id": string or number, "text": string}.' };
      } else {
        id = parsed.data.id;
        out = { id, ...summary(await moderator.check(parsed.data.text)) };
      }
    } catch (e) {
      if (e instanceof ModerationInputError) out = { id, error: e.message, code: e.code };
      else if (e instanceof SyntaxError) out = { id, error: 'Not valid JSON.' };
      else out = { id, error: 'Could not check this line.' };
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        jsonl: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        policy: { type: 'string' },
        'max-length': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    fail(`${e instanceof Error ? e.message : 'Bad arguments.'}\n\n${HELP}`, 2);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const maxLength = values['max-length'] !== undefined ? Number(values['max-length']) : undefined;
  if (maxLength !== undefined && (!Number.isInteger(maxLength) || maxLength < 1)) fail('--max-length must be a positive whole number.', 2);
  const policy = loadPolicy(values.policy);
  const moderator = createModerator({
    ...(policy !== undefined ? { policy } : {}),
    ...(maxLength !== undefined ? { maxLength } : {}),
    classifiers: classifiersFromEnv(),
  });

  if (values.jsonl) {
    if (positionals.length > 0) fail('--jsonl reads from stdin; do not also pass text.', 2);
    await runJsonl(moderator);
    return;
  }
  if (positionals.length === 0) fail(`Give some text to check, or --jsonl.\n\n${HELP}`, 2);
  const text = positionals.join(' ');
  try {
    const verdict = await moderator.check(text);
    process.stdout.write(values.json ? `${JSON.stringify(verdict, null, 2)}\n` : readable(text, verdict));
  } catch (e) {
    if (e instanceof ModerationInputError) fail(e.message, 2);
    throw e;
  }
}

main().catch(() => {
  process.stderr.write('Unexpected failure in the moderation CLI.\n');
  process.exit(1);
});

/** The moderation CLI, run as a child process the way `npm run moderate` runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(TSX, ['moderation/cli.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, PERSPECTIVE_API_KEY: '', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('moderation CLI', () => {
  it('prints a readable verdict for one text', () => {
    const r = run(['i want to k1ll myself']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/action:\s+hold/);
    expect(r.stdout).toMatch(/escalate:\s+yes/);
    expect(r.stdout).toMatch(/self-harm/);
    expect(r.stdout).toMatch(/Childline/);
  });

  it('reads JSON lines and writes one verdict per line, continuing past bad lines', () => {
    const input = ['{"id":"a","text":"add me on snap"}', 'not json', '{"id":2,"text":"this quiz is killing me"}', '{"id":"c"}', ''].join('\n');
    const r = run(['--jsonl'], input);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', action: 'hold', escalate: false, categories: ['contact-details'] });
    expect(Object.keys(lines[0] ?? {}).sort()).toEqual(['action', 'categories', 'escalate', 'id', 'reasons', 'severity']);
    expect(lines[1]).toMatchObject({ id: null, error: expect.any(String) });
    expect(lines[2]).toMatchObject({ id: 2, action: 'allow', escalate: false });
    expect(lines[3]).toMatchObject({ id: 'c', error: expect.any(String) });
    expect(r.stdout).not.toContain('add me on snap'); // never echoes text back
  });

  it('applies a policy file, and exits 2 with a clear error for a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vb-policy-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    const broken = join(dir, 'broken.json');
    writeFileSync(good, JSON.stringify({ blockedTerms: ['lardo'] }));
    writeFileSync(bad, JSON.stringify({ blockedTerms: 'lardo', nope: 1 }));
    writeFileSync(broken, '{ not json');
    const ok = run(['--policy', good, 'you lardo']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/action:\s+block/);
    const r = run(['--policy', bad, 'hello']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Invalid moderation policy/);
    expect(r.stderr).toMatch(/blockedTerms/);
    expect(run(['--policy', broken, 'hello']).code).toBe(2);
    expect(run(['--policy', join(dir, 'missing.json'), 'hello']).code).toBe(2);
  });

  it('shows help and rejects bad usage', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--jsonl/);
    expect(run([]).code).toBe(2);
    expect(run(['--bogus']).code).toBe(2);
  });
});

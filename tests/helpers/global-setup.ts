/**
 * One embedded database (the real FerretDB binary) for the whole run, in a temp directory.
 * Each test file makes its own database in it (see app.ts), so files never share data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDb, type EmbeddedDb } from '../../server/db/embedded.js';

declare module 'vitest' {
	export interface ProvidedContext {
		mongoUri: string;
	}
}

let db: EmbeddedDb | null = null;
let dir = '';

export async function setup(project: TestProject) {
	if (process.env.TEST_MONGODB_URI) {
		project.provide('mongoUri', process.env.TEST_MONGODB_URI);
		return;
	}
	dir = mkdtempSync(join(tmpdir(), 'voicebox-test-db-'));
	db = await startEmbeddedDb(dir);
	project.provide('mongoUri', db.uri);
}

export async function teardown() {
	await db?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
}

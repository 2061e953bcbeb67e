import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's recommended minimums.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

/** A hash of a random string, verified against when the email is unknown so timing does not reveal accounts. */
let dummy: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
	if (!passwordHash) {
		dummy ??= hashPassword(`no-account-${Math.random()}`);
		await verify(await dummy, password).catch(() => false);
		return false;
	}
	return verify(passwordHash, password).catch(() => false);
}

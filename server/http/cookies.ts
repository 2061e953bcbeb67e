/** Parses a Cookie header without a dependency; later duplicates do not override the first. */
export function parseCookies(header: string | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	if (!header) return out;
	for (const part of header.split(';')) {
		const i = part.indexOf('=');
		if (i < 0) continue;
		const name = part.slice(0, i).trim();
		if (!name || name in out) continue;
		const raw = part.slice(i + 1).trim();
		try {
			out[name] = decodeURIComponent(raw);
		} catch {
			out[name] = raw;
		}
	}
	return out;
}

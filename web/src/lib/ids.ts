/** A random id for retry-safe requests; works on plain-http LAN addresses where randomUUID is missing. */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

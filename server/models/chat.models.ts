/**
 * Chat rooms and messages (the reference-group chat). Registered by createModels alongside
 * the rest; the same rules apply: no nested arrays, integrity from unique indexes.
 */
import type { Connection } from 'mongoose';

export function createChatModels(conn: Connection) {
	void conn;
	return {};
}

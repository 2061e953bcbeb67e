import mongoose, { type Connection } from 'mongoose';

/**
 * The embedded FerretDB keeps everything in SQLite, which takes one writer at a time: a big pool
 * only makes connections wait on file locks (and time out under load), so keep it small there.
 */
export const EMBEDDED_POOL_SIZE = 8;

export async function connectDb(uri: string, dbName: string, opts: { maxPoolSize?: number } = {}): Promise<Connection> {
	const conn = mongoose.createConnection(uri, {
		dbName,
		...(opts.maxPoolSize ? { maxPoolSize: opts.maxPoolSize } : {}),
		serverSelectionTimeoutMS: 10000,
		// Indexes are created explicitly at start (createIndexes), so start-up fails loudly if one can't be.
		autoIndex: false,
		autoCreate: true
	});
	await conn.asPromise();
	return conn;
}

import mongoose, { type Connection } from 'mongoose';

export async function connectDb(uri: string, dbName: string): Promise<Connection> {
	const conn = mongoose.createConnection(uri, {
		dbName,
		serverSelectionTimeoutMS: 10000,
		// Indexes are created explicitly at start (createIndexes), so start-up fails loudly if one can't be.
		autoIndex: false,
		autoCreate: true
	});
	await conn.asPromise();
	return conn;
}

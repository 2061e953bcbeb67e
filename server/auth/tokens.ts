import { createHash, randomBytes } from 'node:crypto';

/** A random bearer token for a cookie; only its hash is stored, so a database leak yields no sessions. */
export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const STAFF_COOKIE = 'vb_session';
export const PARTICIPANT_COOKIE = 'vb_participant';

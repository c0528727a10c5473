import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checking a delivery's `Wooshpay-Signature` header, as WooshPay documents it (docs page
 * doc-2653815): `t=<unix seconds>,v1=<signature>[,v1=...]`, other keys ignored; the signature
 * is the HMAC-SHA256 of `<t>.<raw request body>`, keyed with the endpoint's whsec_ secret as
 * given, in lowercase hex. Any `v1` may match: WooshPay does not say whether several come, as
 * Stripe's do while a secret is being rolled, so any number is read. The tolerance for the
 * timestamp is the receiver's to choose.
 */

/** The header's name as Node.js gives it (lowercase). */
export const SIGNATURE_HEADER = 'wooshpay-signature';

export type Refusal = 'missing-header' | 'no-secret' | 'no-body' | 'malformed' | 'mismatch' | 'stale';

export type Verdict = { valid: true } | { valid: false; refusal: Refusal; message: string };

export interface SignedDelivery {
	/** The header's value as received (Node.js joins a repeated header with ", "). */
	header: string | string[] | undefined;
	/** The request body exactly as received. */
	rawBody: Buffer | undefined;
	secret: string | undefined;
	toleranceSeconds: number;
	/** The time to compare the timestamp with, in milliseconds. */
	now: number;
}

function refuse(refusal: Refusal, message: string): Verdict {
	return { valid: false, refusal, message };
}

/** The `t` and `v1` items of the header; other keys are ignored. */
function parseHeader(header: string): { timestamp?: string; signatures: string[] } {
	let timestamp: string | undefined;
	const signatures: string[] = [];
	for (const item of header.split(',')) {
		const at = item.indexOf('=');
		if (at < 0) continue;
		const key = item.slice(0, at).trim();
		const value = item.slice(at + 1).trim();
		if (key === 't' && timestamp === undefined) timestamp = value;
		if (key === 'v1' && value) signatures.push(value);
	}
	return { timestamp, signatures };
}

/** Seconds since 1970 from a timestamp in seconds or, above 10^11, in milliseconds. */
export function toSeconds(value: number): number {
	return value >= 1e11 ? value / 1000 : value;
}

function sameHex(expected: Buffer, candidate: string): boolean {
	if (!/^[0-9a-fA-F]{64}$/.test(candidate)) return false;
	return timingSafeEqual(expected, Buffer.from(candidate.toLowerCase(), 'hex'));
}

/**
 * Whether a delivery is signed with the secret, over this very body, recently enough.
 * The signature is checked before the timestamp, so "stale" is only said of a delivery that
 * WooshPay did sign.
 */
export function verifySignature(delivery: SignedDelivery): Verdict {
	const header = Array.isArray(delivery.header) ? delivery.header.join(',') : delivery.header;
	if (!header) return refuse('missing-header', 'The Wooshpay-Signature header is missing');
	if (!delivery.secret) return refuse('no-secret', 'The trigger knows no signing secret for this endpoint');
	if (!delivery.rawBody || delivery.rawBody.length === 0) return refuse('no-body', 'The request has no body to check');
	const { timestamp, signatures } = parseHeader(header);
	if (timestamp === undefined || !/^\d{1,16}$/.test(timestamp) || signatures.length === 0) {
		return refuse('malformed', 'The Wooshpay-Signature header has no t= timestamp or no v1= signature');
	}
	const expected = createHmac('sha256', delivery.secret)
		.update(`${timestamp}.`, 'utf8')
		.update(delivery.rawBody)
		.digest();
	if (!signatures.some((candidate) => sameHex(expected, candidate))) {
		return refuse('mismatch', 'The signature does not match this body and the signing secret');
	}
	const age = Math.abs(delivery.now / 1000 - toSeconds(Number(timestamp)));
	if (age > delivery.toleranceSeconds) {
		return refuse(
			'stale',
			`The signature's timestamp is ${Math.round(age)} seconds away from this server's clock; at most ${delivery.toleranceSeconds} are accepted`,
		);
	}
	return { valid: true };
}

#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * The WooshPay simulator as a local sandbox, and a client for its event routes.
 *
 *   node test/simulator/cli.js [--port 0] [--seed] [--key sk_test_sandbox] [--rate-limit 50] [--latency 0]
 *       starts the sandbox; prints one line of JSON ({"url": ...}) when it listens; stops on Ctrl-C.
 *       --seed seeds it as `npm run dev` does (seed 'sandbox': every seeded object, payment intents
 *       in each state of the lifecycle included; the lifecycle's events fire).
 *
 *   node test/simulator/cli.js send-event <type> [--customer cus_...] [--amount 2000] [--currency usd]
 *                                        [--object '{"...": ...}'] [--stale | --unsigned | --forged | --tampered]
 *       makes an event of <type> (such as payment_intent.succeeded) and sends it, signed, to every
 *       endpoint registered for it (POST /_sandbox/events); prints each delivery's answer.
 *       --stale signs it 10 minutes in the past, --unsigned leaves the signature out, --forged
 *       signs with another secret, --tampered changes the body after signing.
 *
 *   node test/simulator/cli.js pay [--customer cus_sandbox_1] [--amount 2000] [--currency usd]
 *       a payment that succeeds (POST /_sandbox/payments): payment_intent.created, then
 *       payment_intent.succeeded, to the endpoints registered for them.
 *
 * The client finds the sandbox in --url, else $WOOSHPAY_SANDBOX_URL, else .dev/sandbox.json
 * (written by `npm run dev`); the key in --key, else that file, else sk_test_sandbox.
 * `npm run sandbox:event -- <type> ...` is `send-event`.
 */
const fs = require('node:fs');
const path = require('node:path');

const { startSimulator, DEFAULT_KEY } = require('./simulator');

const SANDBOX_FILE = path.resolve(__dirname, '..', '..', '.dev', 'sandbox.json');

/** @param {string} name */
function arg(name) {
	const at = process.argv.indexOf(name);
	return at >= 0 ? process.argv[at + 1] : undefined;
}

/** @param {string} message */
function fail(message) {
	process.stderr.write(`${message}\n`);
	process.exit(2);
}

async function serve() {
	const sim = await startSimulator({
		port: Number(arg('--port') ?? 0),
		seed: process.argv.includes('--seed') ? 'sandbox' : false,
		keys: [arg('--key') ?? DEFAULT_KEY],
		rateLimit: Number(arg('--rate-limit') ?? 0),
		latencyMs: Number(arg('--latency') ?? 0),
	});
	process.stdout.write(`${JSON.stringify({ url: sim.url, key: arg('--key') ?? DEFAULT_KEY })}\n`);
	const stop = () => void sim.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

/** @returns {{url: string, key: string}} */
function sandbox() {
	/** @type {{url?: string, key?: string}} */
	let saved = {};
	if (fs.existsSync(SANDBOX_FILE)) saved = JSON.parse(fs.readFileSync(SANDBOX_FILE, 'utf8'));
	const url = arg('--url') ?? process.env.WOOSHPAY_SANDBOX_URL ?? saved.url;
	if (!url) fail('No sandbox found: start `npm run dev`, or give --url http://127.0.0.1:<port> of `node test/simulator/cli.js --seed`.');
	return { url: String(url).replace(/\/+$/, ''), key: arg('--key') ?? saved.key ?? DEFAULT_KEY };
}

/**
 * @param {{url: string, key: string}} target @param {string} method @param {string} route @param {any} [body]
 * @returns {Promise<any>}
 */
async function call(target, method, route, body) {
	let res;
	try {
		res = await fetch(`${target.url}${route}`, {
			method,
			headers: {
				authorization: `Basic ${Buffer.from(`${target.key}:`).toString('base64')}`,
				accept: 'application/json',
				'content-type': 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	} catch {
		return fail(`The sandbox at ${target.url} does not answer: is \`npm run dev\` running?`);
	}
	const answer = /** @type {any} */ (await res.json());
	if (!res.ok) fail(`The sandbox refused: ${res.status} ${answer?.error?.message ?? JSON.stringify(answer)}`);
	return answer;
}

/** The fields given on the command line for the event's object. */
function objectFields() {
	/** @type {Record<string, unknown>} */
	const fields = arg('--object') ? JSON.parse(String(arg('--object'))) : {};
	if (arg('--customer')) fields.customer = arg('--customer');
	if (arg('--amount')) fields.amount = Number(arg('--amount'));
	if (arg('--currency')) fields.currency = arg('--currency');
	return fields;
}

/**
 * Waits until every delivery of these events has an answer, then prints them.
 * @param {{url: string, key: string}} target @param {Array<{event: any, sendingTo: any[]}>} sent
 */
async function report(target, sent) {
	const deadline = Date.now() + 15000;
	/** @type {any[]} */
	let events = [];
	for (;;) {
		events = (await call(target, 'GET', '/_sandbox/events')).data;
		const done = sent.every(({ event, sendingTo }) => {
			const found = events.find((e) => e.event.id === event.id && e.deliveries.length === sendingTo.length);
			return found && found.deliveries.every((/** @type {any} */ d) => d.status !== undefined || d.error !== undefined);
		});
		if (done || Date.now() > deadline) break;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	const unheard = sent.filter(({ sendingTo }) => sendingTo.length === 0);
	// A payment fires two events; say nothing of the one no endpoint wants when the other was heard.
	const shown = unheard.length < sent.length ? sent.filter(({ sendingTo }) => sendingTo.length > 0) : sent;
	for (const { event, sendingTo } of shown) {
		if (sendingTo.length === 0) {
			process.stdout.write(
				`${event.type} ${event.id}: no endpoint is registered for it. Publish a workflow with a WooshPay Trigger ` +
					'for this event (or click "Listen for test event" in its trigger), then send it again.\n',
			);
			continue;
		}
		process.stdout.write(`${event.type} ${event.id} sent to ${sendingTo.length} endpoint${sendingTo.length === 1 ? '' : 's'}:\n`);
		const record = events.find((e) => e.event.id === event.id && e.deliveries.length === sendingTo.length);
		for (const delivery of record?.deliveries ?? []) {
			const outcome = delivery.status !== undefined ? `${delivery.status} ${delivery.response ?? ''}` : `no answer (${delivery.error ?? 'still waiting'})`;
			process.stdout.write(`  ${delivery.url} → ${outcome}\n`);
		}
	}
}

/** @returns {{timestamp?: number, tamper?: string} | undefined} */
function deliveryFlags() {
	if (process.argv.includes('--stale')) return { timestamp: Math.floor(Date.now() / 1000) - 600 };
	if (process.argv.includes('--unsigned')) return { tamper: 'unsigned' };
	if (process.argv.includes('--forged')) return { tamper: 'signature' };
	if (process.argv.includes('--tampered')) return { tamper: 'body' };
	return undefined;
}

async function sendEvent() {
	const type = process.argv[3];
	if (!type || type.startsWith('--')) fail('Which event? For example: npm run sandbox:event -- payment_intent.succeeded --customer cus_sandbox_1');
	const target = sandbox();
	const sent = await call(target, 'POST', '/_sandbox/events', { type, object: objectFields(), delivery: deliveryFlags() });
	await report(target, [sent]);
}

async function pay() {
	const target = sandbox();
	const fields = objectFields();
	const paid = await call(target, 'POST', '/_sandbox/payments', { customer: 'cus_sandbox_1', ...fields });
	process.stdout.write(`payment ${paid.payment_intent.id} of ${paid.payment_intent.amount} ${paid.payment_intent.currency} by ${paid.payment_intent.customer} succeeded\n`);
	await report(target, paid.events);
}

const command = process.argv[2];
const run = command === 'send-event' ? sendEvent : command === 'pay' ? pay : serve;
run().catch((error) => fail(error instanceof Error ? error.message : String(error)));

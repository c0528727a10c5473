// @ts-check
'use strict';

/**
 * A WooshPay simulator: a real HTTP server on 127.0.0.1 that answers like WooshPay's API for
 * the endpoints this package uses, checks HTTP Basic auth and the documented request bodies,
 * and records every request. Used by the Jest suite, the end-to-end tests, the benchmark and
 * `npm run dev` (as the local sandbox).
 */

const http = require('node:http');
const { URL } = require('node:url');
const schema = require('./schema');
const { clone, merge, invalid, refusal, listPage, mergeMetadata } = require('./util');

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path        the raw path as sent, without the query string
 * @property {Record<string, string>} query
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {any} body           parsed JSON, the raw text when it is not JSON, undefined when empty
 * @property {number} receivedAt   Date.now() when the whole request had arrived
 *
 * @typedef {object} Fault         one canned answer, used instead of the normal handling
 * @property {number} [status]
 * @property {any} [body]          an object is sent as JSON
 * @property {string} [raw]        sent as is (for example an HTML page), with contentType
 * @property {string} [contentType]
 * @property {Record<string, string>} [headers]
 * @property {number} [delayMs]    wait this long before answering (timeouts)
 * @property {boolean} [reset]     destroy the connection without an answer
 * @property {(req: RecordedRequest) => boolean} [match]  only for requests it returns true for
 *
 * @typedef {object} SimulatorOptions
 * @property {string} [host]
 * @property {number} [port]
 * @property {string[]} [keys]        secret keys that authenticate
 * @property {boolean | 'sandbox'} [seed]  preload sandbox customers, cardholders and the objects of
 *                                    every endpoint module (each module says which); 'sandbox'
 *                                    (`npm run dev`, cli.js --seed) also the payment intents in the
 *                                    other states of the lifecycle (pi_sandbox_5..8: payments.js),
 *                                    which the tests' seed leaves out because they count payment
 *                                    intents and charges
 * @property {boolean} [events]       fire the events of the lifecycle (payment_intent.succeeded on a
 *                                    capture, payout.created, …) to the webhook endpoints registered
 *                                    (webhooks.js `fire`); default: on with seed 'sandbox', else off
 * @property {number} [latencyMs]     added to every answer
 * @property {number} [rateLimit]     requests per second before 429 (0: no limit)
 * @property {boolean} [retryAfter]   send Retry-After with 429 answers (default true)
 * @property {number} [maxPageSize]   the most objects a list page holds, whatever limit asks
 * @property {number} [startTime]     Unix seconds of the first `created`
 * @property {number} [unavailable]   share of requests answered 503 at random (0 to 1)
 * @property {number} [cutAfterApply] share of changes applied whose answer is lost: the
 *                                    connection is cut instead (0 to 1)
 * @property {number} [randomSeed]    seed of the random choices above, so that runs repeat
 */

const DEFAULT_KEY = 'sk_test_sandbox';

/**
 * Endpoint groups beyond customers and cardholders, one module each (such as payments.js).
 * A module is `(sim, req, url) => answer | undefined`: it matches `req.method`
 * and `req.path` itself and answers `[status, body, headers?]`, or undefined when the request
 * is not one of its endpoints. Authentication and the JSON checks of POST bodies have run.
 * A module keeps its objects on `sim` (created on first use) and may use the simulator's
 * `create`, `update`, `find` for idempotent creates and updates. Add a module to this list.
 * @type {Array<(sim: Simulator, req: RecordedRequest, url: URL) => ([number, any, Record<string, string>?] | undefined)>}
 */
const ROUTE_MODULES = [
	require('./payments').routes,
	require('./issuing').issuingRoutes,
	require('./payment-methods').routes,
	require('./disputes').routes,
	require('./payouts').routes,
	require('./billing').routes,
	require('./webhooks').routes,
];

const emptyAddress = () => ({ city: null, country: null, line1: null, line2: null, postal_code: null, state: null });

class Simulator {
	/** @param {SimulatorOptions} options */
	constructor(options = {}) {
		this.options = { host: '127.0.0.1', port: 0, keys: [DEFAULT_KEY], latencyMs: 0, rateLimit: 0, retryAfter: true, maxPageSize: 100, startTime: 1767225600, ...options };
		// Events of the lifecycle fire by default in the sandbox of `npm run dev` only: the tests'
		// deliveries (and an example workflow they would start) stay the ones a test asks for.
		this.options.events ??= this.options.seed === 'sandbox';
		/** @type {RecordedRequest[]} */
		this.requests = [];
		/** @type {Array<{method: string, path: string, id: string, idempotencyKey?: string}>} every change applied */
		this.mutations = [];
		/** @type {Fault[]} */
		this.faults = [];
		/** @type {Map<string, any>} */
		this.customers = new Map();
		/** @type {Map<string, any>} */
		this.cardholders = new Map();
		/** @type {Map<string, {fingerprint: string, status: number, body: any}>} */
		this.idempotency = new Map();
		this.counter = 0;
		this.clock = 0;
		/** How many endpoint modules are seeding now (util.perSimulator): no events fire meanwhile. */
		this.seeding = 0;
		this.tokens = this.options.rateLimit;
		this.random = seededRandom(this.options.randomSeed ?? 1);
		/** Requests whose connection the client closed before the answer was sent. */
		this.closedEarly = 0;
		/** Requests being handled now, and the most at once since the last reset. */
		this.active = 0;
		this.mostActive = 0;
		this.lastRefill = Date.now();
		this.url = '';
		this.port = 0;
		/** @type {Set<import('node:net').Socket>} */
		this.sockets = new Set();
		this.server = http.createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 5000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		if (this.options.seed) this.seed();
	}

	/** @returns {Promise<this>} */
	async listen() {
		await new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port, this.options.host, () => resolve(undefined));
		});
		const address = /** @type {import('node:net').AddressInfo} */ (this.server.address());
		this.port = address.port;
		this.url = `http://${this.options.host}:${this.port}`;
		return this;
	}

	async close() {
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => this.server.close(() => resolve(undefined)));
	}

	/** Forget requests, mutations, faults and idempotency keys; keep the objects. */
	reset() {
		this.requests.length = 0;
		this.mutations.length = 0;
		this.faults.length = 0;
		this.idempotency.clear();
		this.closedEarly = 0;
		this.mostActive = this.active;
	}

	/** Answer the next matching request(s) with a canned fault. @param {Fault} fault @param {number} [times] */
	fail(fault, times = 1) {
		for (let i = 0; i < times; i++) this.faults.push(fault);
	}

	nextId(/** @type {string} */ prefix) {
		this.counter += 1;
		return `${prefix}_sim${String(this.counter).padStart(4, '0')}`;
	}

	created() {
		this.clock += 1;
		return (this.options.startTime ?? 0) + this.clock;
	}

	/** @param {any} [fields] @param {string} [id] */
	addCustomer(fields = {}, id = this.nextId('cus')) {
		const customer = merge(
			{ id, object: 'customer', address: null, created: this.created(), currency: null, description: null, email: null, livemode: false, metadata: {}, name: null, phone: null, preferred_locales: [], shipping: null },
			fields,
		);
		this.customers.set(id, customer);
		return customer;
	}

	/** @param {any} [fields] @param {string} [id] */
	addCardholder(fields = {}, id = this.nextId('ich')) {
		const cardholder = merge(
			{
				id, object: 'issuing.cardholder', billing: { address: emptyAddress() }, name: null, email: null, phone_number: null,
				metadata: [], company: null, created: this.created(), individual: null, livemode: false,
				spending_controls: { spending_limits: null, spending_limits_currency: null }, status: 'active', type: 'individual',
			},
			fields,
		);
		this.cardholders.set(id, cardholder);
		return cardholder;
	}

	seed() {
		const people = [
			['Ada Lovelace', 'ada@example.com', 'London', 'GB'],
			['Grace Hopper', 'grace@example.com', 'New York', 'US'],
			['Alan Turing', 'alan@example.com', 'Manchester', 'GB'],
		];
		people.forEach(([name, email, city, country], i) => {
			this.addCustomer({ name, email, address: { ...emptyAddress(), city, country } }, `cus_sandbox_${i + 1}`);
			const [first_name, last_name] = name.split(' ');
			this.addCardholder(
				{ name, email, billing: { address: { ...emptyAddress(), line1: `${i + 1} Main Street`, city, country, postal_code: '10001' } }, individual: { first_name, last_name } },
				`ich_sandbox_${i + 1}`,
			);
		});
	}

	/** Token bucket: rateLimit requests a second, a burst of one second's worth. */
	takeToken() {
		const rate = this.options.rateLimit;
		if (!rate) return true;
		const now = Date.now();
		this.tokens = Math.min(rate, this.tokens + ((now - this.lastRefill) / 1000) * rate);
		this.lastRefill = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		return false;
	}

	/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
	async handle(req, res) {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const text = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://simulator');
		let body;
		if (text) {
			try {
				body = JSON.parse(text);
			} catch {
				body = text;
			}
		}
		/** @type {RecordedRequest} */
		const recorded = {
			method: req.method ?? 'GET',
			path: (req.url ?? '/').split('?')[0],
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			body,
			receivedAt: Date.now(),
		};
		this.requests.push(recorded);
		this.active++;
		this.mostActive = Math.max(this.mostActive, this.active);
		res.on('close', () => {
			this.active--;
			if (!res.writableFinished) this.closedEarly++;
		});

		const faultIndex = this.faults.findIndex((fault) => !fault.match || fault.match(recorded));
		const fault = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0] : undefined;
		const delay = (fault?.delayMs ?? 0) + (this.options.latencyMs ?? 0);
		if (delay) await new Promise((resolve) => setTimeout(resolve, delay).unref());
		if (res.destroyed) return;
		if (fault?.reset) {
			req.socket.destroy();
			return;
		}
		if (fault) {
			const headers = { ...(fault.headers ?? {}) };
			if (fault.raw !== undefined) {
				res.writeHead(fault.status ?? 200, { 'content-type': fault.contentType ?? 'text/html', ...headers });
				res.end(fault.raw);
			} else {
				this.send(res, fault.status ?? 200, fault.body ?? {}, headers);
			}
			return;
		}

		if (!this.takeToken()) {
			/** @type {Record<string, string>} */
			const headers = this.options.retryAfter ? { 'retry-after': '1' } : {};
			this.send(res, 429, { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.' } }, headers);
			return;
		}
		if (this.options.unavailable && this.random() < this.options.unavailable) {
			this.send(res, 503, { error: { type: 'api_error', message: 'The service is temporarily unavailable.' } });
			return;
		}
		const applied = this.mutations.length;
		const [status, answer, headers] = this.route(recorded, url);
		if (this.mutations.length > applied && this.options.cutAfterApply && this.random() < this.options.cutAfterApply) {
			req.socket.destroy();
			return;
		}
		this.send(res, status, answer, headers);
	}

	/** @param {import('node:http').ServerResponse} res @param {number} status @param {any} body @param {Record<string, string>} [headers] */
	send(res, status, body, headers = {}) {
		if (Buffer.isBuffer(body)) {
			// A file's bytes (disputes.js), sent as they are with the content-type the route gives.
			res.writeHead(status, { 'content-length': body.length, 'request-id': `req_${this.requests.length}`, ...headers });
			res.end(body);
			return;
		}
		const text = JSON.stringify(body);
		res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'request-id': `req_${this.requests.length}`, ...headers });
		res.end(text);
	}

	/**
	 * @param {RecordedRequest} req @param {URL} url
	 * @returns {[number, any, Record<string, string>?]}
	 */
	route(req, url) {
		const auth = this.authenticate(req.headers.authorization);
		if (auth) return [401, { error: { type: 'invalid_request_error', code: 'api_key_invalid', message: auth } }];
		if (req.method === 'POST' && req.headers['content-type']?.split(';')[0].trim() !== 'application/json') {
			return invalid(400, 'Content-Type must be application/json.', undefined, 'invalid_content_type');
		}
		if (req.method === 'POST' && (req.body === undefined ? false : typeof req.body !== 'object' || Array.isArray(req.body))) {
			return invalid(400, 'The request body is not a JSON object.', undefined, 'invalid_json');
		}
		for (const routes of ROUTE_MODULES) {
			const answer = routes(this, req, url);
			if (answer) return answer;
		}
		// Segments are matched raw, as a server that does not decode %2F sees them.
		const segments = req.path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
		const rawSegments = req.path.split('/').filter(Boolean);
		const key = `${req.method} /${rawSegments.map((s, i) => (i === rawSegments.length - 1 && rawSegments.length > 2 && !['customers', 'cardholders'].includes(s) ? ':id' : s)).join('/')}`;
		const id = segments[segments.length - 1];
		const body = req.body ?? {};
		switch (key) {
			case 'POST /v1/customers':
				return this.create(req, schema.customer, () => this.addCustomer(body));
			case 'GET /v1/customers/:id':
				return this.find(this.customers, id, 'customer');
			case 'POST /v1/customers/:id':
				return this.update(req, schema.customer, this.customers, id, 'customer', (target) => {
					const { metadata, ...rest } = body;
					merge(target, rest);
					mergeMetadata(target.metadata, metadata);
				});
			case 'POST /v1/issuing/cardholders':
				return this.create(req, schema.cardholderCreate, () => this.addCardholder(body));
			case 'GET /v1/issuing/cardholders':
				return this.list(url);
			case 'GET /v1/issuing/cardholders/:id':
				return this.find(this.cardholders, id, 'issuing.cardholder');
			case 'POST /v1/issuing/cardholders/:id':
				return this.update(req, schema.cardholderUpdate, this.cardholders, id, 'issuing.cardholder', (target) => merge(target, body));
			default:
				return invalid(404, `Unrecognized request URL (${req.method}: ${req.path}).`);
		}
	}

	/** @param {string | undefined} header @returns {string | undefined} the problem */
	authenticate(header) {
		if (!header) return 'You did not provide an API key. Provide it with HTTP Basic auth: the secret key as user name, an empty password.';
		const [scheme, encoded] = header.split(' ');
		if (scheme !== 'Basic' || !encoded) return 'Invalid authorization header: use HTTP Basic auth.';
		const decoded = Buffer.from(encoded, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		const user = colon >= 0 ? decoded.slice(0, colon) : decoded;
		const password = colon >= 0 ? decoded.slice(colon + 1) : '';
		if (password !== '') return 'Invalid API key: the password must be empty.';
		if (!(this.options.keys ?? []).includes(user)) return `Invalid API Key provided: ${user.slice(0, 8)}${'*'.repeat(Math.max(0, user.length - 12))}${user.slice(-4)}`;
		return undefined;
	}

	/** @returns {[number, any, Record<string, string>?] | undefined} */
	replay(/** @type {RecordedRequest} */ req) {
		const key = req.headers['idempotency-key'];
		if (typeof key !== 'string') return undefined;
		const stored = this.idempotency.get(key);
		if (!stored) return undefined;
		if (stored.fingerprint !== fingerprint(req)) {
			return [409, { error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.` } }];
		}
		return [stored.status, clone(stored.body), { 'idempotent-replayed': 'true' }];
	}

	/** @param {RecordedRequest} req @param {number} status @param {any} body */
	remember(req, status, body) {
		const key = req.headers['idempotency-key'];
		if (typeof key === 'string') this.idempotency.set(key, { fingerprint: fingerprint(req), status, body: clone(body) });
	}

	/**
	 * A create: a repeated Idempotency-Key replayed, the body checked against its schema, then
	 * against `refuse` (the rules a schema cannot say, such as "exactly one of"), then made.
	 * @param {RecordedRequest} req @param {any} bodySchema @param {() => any} make
	 * @param {() => ([number, any, Record<string, string>?] | undefined)} [refuse]
	 * @returns {[number, any, Record<string, string>?]}
	 */
	create(req, bodySchema, make, refuse = () => undefined) {
		const replayed = this.replay(req);
		if (replayed) return replayed;
		const refused = refusal(schema.check(req.body ?? {}, bodySchema)) ?? refuse();
		if (refused) return refused;
		const object = make();
		return this.record(req, object.id, 200, object);
	}

	/**
	 * A change applied: recorded in `mutations`, its answer remembered for its Idempotency-Key
	 * (a failure that changed the object, such as a declined confirm, is replayed as well).
	 * @param {RecordedRequest} req @param {string} id @param {number} status @param {any} body
	 * @returns {[number, any]}
	 */
	record(req, id, status, body) {
		this.mutations.push({ method: req.method, path: req.path, id, idempotencyKey: /** @type {string|undefined} */ (req.headers['idempotency-key']) });
		this.remember(req, status, body);
		return [status, clone(body)];
	}

	/** @param {Map<string, any>} store @param {string} id @param {string} type @returns {[number, any]} */
	find(store, id, type) {
		const object = store.get(id);
		if (!object) return invalid(404, `No such ${type.replace('issuing.', '')}: '${id}'`, 'id', 'resource_missing');
		return [200, clone(object)];
	}

	/**
	 * @param {RecordedRequest} req @param {any} bodySchema @param {Map<string, any>} store @param {string} id
	 * @param {string} type @param {(target: any) => void} apply @returns {[number, any, Record<string, string>?]}
	 */
	update(req, bodySchema, store, id, type, apply) {
		return this.change(req, bodySchema, store, id, type, (target) => void apply(target));
	}

	/**
	 * An update that the object's state may refuse, or that may end in a failure. `apply`
	 * returns nothing (changed: 200 and the object), an answer (refused: nothing changed or
	 * recorded), or `{status, body}` (changed, and answered so: a declined confirm's 402).
	 * @param {RecordedRequest} req @param {any} bodySchema @param {Map<string, any>} store @param {string} id
	 * @param {string} type @param {(target: any) => ([number, any, Record<string, string>?] | {status: number, body: any} | void)} apply
	 * @returns {[number, any, Record<string, string>?]}
	 */
	change(req, bodySchema, store, id, type, apply) {
		const replayed = this.replay(req);
		if (replayed) return replayed;
		const object = store.get(id);
		if (!object) return invalid(404, `No such ${type.replace('issuing.', '')}: '${id}'`, 'id', 'resource_missing');
		const refused = refusal(schema.check(req.body ?? {}, bodySchema));
		if (refused) return refused;
		const outcome = apply(object);
		if (Array.isArray(outcome)) return outcome;
		return outcome ? this.record(req, id, outcome.status, outcome.body) : this.record(req, id, 200, object);
	}

	/** Cardholders, newest first, cursor pagination as documented. @param {URL} url @returns {[number, any]} */
	list(url) {
		const q = url.searchParams;
		let all = [...this.cardholders.values()];
		for (const field of ['status', 'email', 'phone_number', 'type']) {
			const wanted = q.get(field);
			if (wanted !== null) all = all.filter((c) => c[field] === wanted);
		}
		return listPage(all, q, { url: '/v1/issuing/cardholders', type: 'cardholder', maxPageSize: this.options.maxPageSize });
	}
}

/** @param {RecordedRequest} req */
function fingerprint(req) {
	return `${req.method} ${req.path} ${JSON.stringify(req.body ?? {})}`;
}

/** A small seeded random number generator (mulberry32): the same seed, the same choices. @param {number} seed */
function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @param {SimulatorOptions} [options] */
async function startSimulator(options = {}) {
	return await new Simulator(options).listen();
}

module.exports = { startSimulator, Simulator, DEFAULT_KEY };

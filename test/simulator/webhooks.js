// @ts-check
'use strict';

/**
 * WooshPay's webhook endpoints and signed event deliveries (shared/wooshpay/api/webhooks-events.md):
 *
 *   POST   /v1/webhook_endpoints        create; only this answer carries the signing `secret` [seen]
 *   GET    /v1/webhook_endpoints/{id}   retrieve; no query parameter                           [seen]
 *   GET    /v1/webhook_endpoints        list, newest first; query limit (1 to 100), starting_after,
 *                                       ending_before and nothing else                          [seen]
 *   POST   /v1/webhook_endpoints/{id}   update url, enabled_events, description, disabled      [path inferred, Stripe-like]
 *   DELETE /v1/webhook_endpoints/{id}   delete                                                  [path inferred, Stripe-like]
 *
 * and the sandbox's own routes, which WooshPay does not have (same Basic auth as the API):
 *
 *   POST /_sandbox/events               {type, object?, created?, delivery?}: make an event and send
 *                                       it to every enabled endpoint that wants its type
 *   POST /_sandbox/events/{id}/resend   send an event again, same id (as WooshPay's retries do)
 *   GET  /_sandbox/events               the events made, newest first, each with its deliveries
 *   POST /_sandbox/payments             {customer?, amount?, currency?, description?}: a payment
 *                                       that succeeds; fires payment_intent.created, then
 *                                       payment_intent.succeeded
 *
 * The other modules fire the events of their lifecycle with `fire` (a capture fires
 * payment_intent.succeeded and charge.captured, a cancel payment_intent.canceled, a payout
 * payout.created, …: each module lists its own) when the simulator runs with `events` (the
 * default of the sandbox, `seed: 'sandbox'`), never while it seeds. Those events, like the
 * ones made here, can be read back with GET /v1/events/{id} (payments.js), as WooshPay's would.
 *
 * An event's `data.object` is a sample object for its type (a payment intent for payment_intent.*)
 * with the fields of `object` over it. `created` is in milliseconds, as in WooshPay's own
 * examples (the docs say seconds; give `created` to choose). `delivery` is for testing
 * receivers: `timestamp` (unix seconds) signs with another time, `tamper` is "signature" (signed
 * with another secret), "body" (the body changed after signing) or "unsigned" (no header).
 *
 * A delivery is a real HTTP POST of the event's JSON to the endpoint's URL, with
 * `Wooshpay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>", keyed with the
 * endpoint's secret as given>`. Deliveries run in the background, one after another in the
 * order the events were made, after the request that caused them is answered; `settled(sim)`
 * waits for them. There are no automatic retries: resend an event to see a repeated delivery.
 */

const { createHmac, randomBytes } = require('node:crypto');
const schema = require('./schema');
const { clone, invalid, refusal, refusedGet, decodedSegment, listPage } = require('./util');

/** @typedef {import('./simulator').Simulator} Simulator */
/** @typedef {[number, any, Record<string, string>?]} Answer */

/**
 * @typedef {object} Delivery
 * @property {string} event
 * @property {string} endpoint
 * @property {string} url
 * @property {number} [status]      the receiver's HTTP status
 * @property {string} [response]    the start of the receiver's answer
 * @property {string} [error]       why no answer came
 * @property {string} [tamper]
 *
 * @typedef {object} SandboxEvent
 * @property {any} event            the event as sent
 * @property {{timestamp?: number, tamper?: string}} delivery
 * @property {Delivery[]} deliveries
 */

const ENDPOINT_BODY = {
	object: {
		url: 'string',
		enabled_events: { array: 'string' },
		description: 'string',
		api_version: 'string',
		metadata: { map: 'string' },
	},
	required: ['url', 'enabled_events'],
};

const ENDPOINT_UPDATE_BODY = {
	object: {
		url: 'string',
		enabled_events: { array: 'string' },
		description: 'string',
		metadata: { map: 'string' },
		disabled: 'boolean',
	},
};

/** @type {Record<string, 'string' | 'integer'>} The query parameters List All Webhooks declares. */
const LIST_QUERY = { limit: 'integer', starting_after: 'string', ending_before: 'string' };

const EVENT_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
const TAMPERS = ['signature', 'body', 'unsigned'];
const DELIVERY_TIMEOUT_MS = 10000;

/** The module's objects, kept on the simulator (tests read the endpoints' secrets here). @param {Simulator} sim */
function state(sim) {
	const holder = /** @type {any} */ (sim);
	holder.webhooks ??= {
		/** @type {Map<string, any>} endpoints with their secret */
		endpoints: new Map(),
		/** @type {SandboxEvent[]} */
		events: [],
		/** @type {Map<string, any>} */
		paymentIntents: new Map(),
		/** @type {Promise<void>} the deliveries still running, in order */
		queue: Promise.resolve(),
	};
	return /** @type {{endpoints: Map<string, any>, events: SandboxEvent[], paymentIntents: Map<string, any>, queue: Promise<void>}} */ (holder.webhooks);
}

/** Forget every endpoint, event and payment (between tests). @param {Simulator} sim */
function reset(sim) {
	const webhooks = state(sim);
	webhooks.endpoints.clear();
	webhooks.events.length = 0;
	webhooks.paymentIntents.clear();
}

/** Resolves once every delivery started so far has ended. @param {Simulator} sim */
async function settled(sim) {
	let queue;
	do {
		queue = state(sim).queue;
		await queue;
	} while (queue !== state(sim).queue);
}

/** An endpoint as the API shows it: without its secret. @param {any} endpoint */
function shown(endpoint) {
	const { secret: _secret, ...rest } = clone(endpoint);
	return rest;
}

/** @param {any} body @returns {Answer | undefined} a 400 for a URL or event name WooshPay would refuse */
function checkEndpointValues(body) {
	if (typeof body.url === 'string' && !/^https?:\/\/[^\s]+$/.test(body.url)) {
		return invalid(400, `Invalid URL: ${body.url}`, 'url', 'url_invalid');
	}
	if (Array.isArray(body.enabled_events)) {
		if (body.enabled_events.length === 0) return invalid(400, 'enabled_events may not be empty.', 'enabled_events', 'parameter_invalid');
		const wrong = body.enabled_events.find((/** @type {unknown} */ name) => name !== '*' && !EVENT_NAME.test(String(name)));
		if (wrong !== undefined) return invalid(400, `Invalid event name: ${wrong}`, 'enabled_events', 'parameter_invalid');
	}
	return undefined;
}

/** @param {Simulator} sim @param {import('./simulator').RecordedRequest} req @param {URL} url @returns {Answer | undefined} */
function endpointRoutes(sim, req, url) {
	const webhooks = state(sim);
	const match = /^\/v1\/webhook_endpoints(?:\/([^/]+))?$/.exec(req.path);
	if (!match) return undefined;
	const id = match[1] === undefined ? undefined : decodedSegment(match[1]);
	if (id === undefined && match[1] !== undefined) return invalid(404, `Unrecognized request URL (${req.method}: ${req.path}).`);
	if (req.method === 'GET') {
		const refused = refusedGet(req, id === undefined ? LIST_QUERY : {});
		if (refused) return refused;
	}
	const body = req.body ?? {};
	if (id === undefined && req.method === 'POST') {
		const problem = checkEndpointValues(body);
		if (problem) return problem;
		return sim.create(req, ENDPOINT_BODY, () => {
			const endpoint = {
				id: sim.nextId('we'),
				object: 'webhook_endpoint',
				api_version: body.api_version ?? null,
				created: sim.created() * 1000,
				description: body.description ?? null,
				enabled_events: [...body.enabled_events].sort(),
				livemode: false,
				metadata: body.metadata ?? {},
				secret: `whsec_${randomBytes(24).toString('base64url')}`,
				status: 'enabled',
				url: body.url,
			};
			webhooks.endpoints.set(endpoint.id, endpoint);
			return endpoint;
		});
	}
	if (id === undefined && req.method === 'GET') {
		const page = { url: '/v1/webhook_endpoints', type: 'webhook_endpoint', maxPageSize: sim.options.maxPageSize, maxLimit: 100 };
		return listPage([...webhooks.endpoints.values()].map(shown), url.searchParams, page);
	}
	if (id === undefined) return undefined;
	if (req.method === 'GET') {
		const [status, answer] = sim.find(webhooks.endpoints, id, 'webhook_endpoint');
		return [status, status === 200 ? shown(answer) : answer];
	}
	if (req.method === 'POST') {
		const problem = checkEndpointValues(body);
		if (problem) return problem;
		const [status, answer, headers] = sim.update(req, ENDPOINT_UPDATE_BODY, webhooks.endpoints, id, 'webhook_endpoint', (endpoint) => {
			const { disabled, enabled_events: events, ...rest } = body;
			Object.assign(endpoint, rest);
			if (events) endpoint.enabled_events = [...events].sort();
			if (disabled !== undefined) endpoint.status = disabled ? 'disabled' : 'enabled';
		});
		return [status, status === 200 ? shown(answer) : answer, headers];
	}
	if (req.method === 'DELETE') {
		if (!webhooks.endpoints.delete(id)) return invalid(404, `No such webhook_endpoint: '${id}'`, 'id', 'resource_missing');
		sim.mutations.push({ method: req.method, path: req.path, id });
		return [200, { id, object: 'webhook_endpoint', deleted: true }];
	}
	return undefined;
}

/** The statuses a payment intent has when each of its events is sent. */
const PAYMENT_INTENT_STATUS = {
	amount_capturable_updated: 'requires_capture',
	canceled: 'canceled',
	created: 'requires_payment_method',
	payment_failed: 'requires_payment_method',
	processing: 'processing',
	requires_action: 'requires_action',
	succeeded: 'succeeded',
};

/** Id prefix and `object` of the object an event of each family carries. */
const OBJECTS = [
	['payment_intent.', 'pi', 'payment_intent'],
	['charge.dispute.', 'dp', 'dispute'],
	['charge.refund.', 're', 'refund'],
	['charge.', 'ch', 'charge'],
	['checkout.session.', 'cs', 'checkout.session'],
	['payout.', 'po', 'payout'],
	['setup_intent.', 'seti', 'setup_intent'],
	['product.', 'prod', 'product'],
	['payment_link.', 'plink', 'payment_link'],
];

/** A plausible `data.object` for an event type. @param {Simulator} sim @param {string} type @returns {any} */
function sampleObject(sim, type) {
	const [, prefix, object] = OBJECTS.find(([family]) => type.startsWith(family)) ?? [
		'',
		'obj',
		type.split('.').slice(0, -1).join('.'),
	];
	const sample = { id: sim.nextId(prefix), object, created: sim.created(), livemode: false, metadata: {} };
	if (object !== 'payment_intent') return sample;
	const action = /** @type {keyof typeof PAYMENT_INTENT_STATUS} */ (type.slice('payment_intent.'.length));
	return { ...sample, amount: 2000, currency: 'usd', customer: null, description: null, status: PAYMENT_INTENT_STATUS[action] ?? 'succeeded' };
}

/** @param {string} secret @param {number} timestamp @param {string} body */
function signature(secret, timestamp, body) {
	return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** @param {any} endpoint @param {string} type */
function wants(endpoint, type) {
	return endpoint.status === 'enabled' && (endpoint.enabled_events.includes(type) || endpoint.enabled_events.includes('*'));
}

/**
 * One delivery: a real POST to the endpoint's URL, recorded with its outcome.
 * @param {any} endpoint @param {SandboxEvent} sent
 */
async function deliver(endpoint, sent) {
	const { event, delivery } = sent;
	const body = JSON.stringify(event);
	const timestamp = delivery.timestamp ?? Math.floor(Date.now() / 1000);
	const secret = delivery.tamper === 'signature' ? `whsec_${randomBytes(24).toString('base64url')}` : endpoint.secret;
	/** @type {Record<string, string>} */
	const headers = { 'content-type': 'application/json', 'user-agent': 'WooshPay-Sandbox/1.0' };
	if (delivery.tamper !== 'unsigned') headers['wooshpay-signature'] = `t=${timestamp},v1=${signature(secret, timestamp, body)}`;
	const sentBody = delivery.tamper === 'body' ? JSON.stringify({ ...event, livemode: true }) : body;
	/** @type {Delivery} */
	const record = { event: event.id, endpoint: endpoint.id, url: endpoint.url, ...(delivery.tamper ? { tamper: delivery.tamper } : {}) };
	sent.deliveries.push(record);
	try {
		const res = await fetch(endpoint.url, { method: 'POST', headers, body: sentBody, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
		record.status = res.status;
		record.response = (await res.text()).slice(0, 300);
	} catch (error) {
		const cause = /** @type {{cause?: {code?: string}, message?: string}} */ (error);
		record.error = cause.cause?.code ?? cause.message ?? String(error);
	}
}

/**
 * Sends an event to every enabled endpoint that wants its type, in the background.
 * @param {Simulator} sim @param {SandboxEvent} sent
 */
function send(sim, sent) {
	const webhooks = state(sim);
	const targets = [...webhooks.endpoints.values()].filter((endpoint) => wants(endpoint, sent.event.type));
	webhooks.queue = webhooks.queue.then(async () => {
		for (const endpoint of targets) await deliver(endpoint, sent);
	});
	return targets.map((endpoint) => ({ endpoint: endpoint.id, url: endpoint.url }));
}

/**
 * Makes an event of `type` about `object` and sends it (also for other modules: a change to
 * one of their objects can fire an event this way).
 * @param {Simulator} sim @param {string} type @param {any} object
 * @param {{created?: number, delivery?: SandboxEvent['delivery']}} [options]
 */
function emit(sim, type, object, options = {}) {
	const webhooks = state(sim);
	const targets = [...webhooks.endpoints.values()].filter((endpoint) => wants(endpoint, type));
	const event = {
		id: sim.nextId('evt'),
		object: 'event',
		api_version: '1.0.1',
		created: options.created ?? Date.now(),
		data: { object: clone(object) },
		livemode: false,
		pending_webhooks: targets.length,
		request: { id: null, idempotency_key: null },
		type,
	};
	/** @type {SandboxEvent} */
	const sent = { event, delivery: options.delivery ?? {}, deliveries: [] };
	webhooks.events.push(sent);
	return { event, sendingTo: send(sim, sent) };
}

/**
 * Fires an event of another module's lifecycle (a capture's payment_intent.succeeded, a
 * payout's payout.created…) as `emit` does, when the simulator runs with `events` and is not
 * seeding; returns the event, or undefined when none fired.
 * @param {Simulator} sim @param {string} type @param {any} object
 */
function fire(sim, type, object) {
	if (!sim.options.events || sim.seeding) return undefined;
	return emit(sim, type, object).event;
}

/** An event made here (by `emit` or `fire`), as sent, or undefined. @param {Simulator} sim @param {string} id */
function sentEvent(sim, id) {
	return state(sim).events.find((sent) => sent.event.id === id)?.event;
}

/** @param {any} delivery @returns {Answer | undefined} */
function checkDelivery(delivery) {
	if (delivery === undefined) return undefined;
	if (delivery === null || typeof delivery !== 'object' || Array.isArray(delivery)) return invalid(400, 'delivery must be an object', 'delivery');
	if (delivery.timestamp !== undefined && !Number.isInteger(delivery.timestamp)) return invalid(400, 'delivery.timestamp must be unix seconds', 'delivery[timestamp]');
	if (delivery.tamper !== undefined && !TAMPERS.includes(delivery.tamper)) return invalid(400, `delivery.tamper must be one of ${TAMPERS.join(', ')}`, 'delivery[tamper]');
	return undefined;
}

/** @param {Simulator} sim @param {import('./simulator').RecordedRequest} req @returns {Answer | undefined} */
function sandboxRoutes(sim, req) {
	const webhooks = state(sim);
	const body = req.body ?? {};
	if (req.method === 'GET' && req.path === '/_sandbox/events') {
		return [200, { object: 'list', data: clone([...webhooks.events].reverse()) }];
	}
	if (req.method === 'POST' && req.path === '/_sandbox/events') {
		if (typeof body.type !== 'string' || !EVENT_NAME.test(body.type)) return invalid(400, 'type must be an event name, such as payment_intent.succeeded', 'type');
		if (body.object !== undefined && (body.object === null || typeof body.object !== 'object' || Array.isArray(body.object))) return invalid(400, 'object must be an object', 'object');
		if (body.created !== undefined && !Number.isInteger(body.created)) return invalid(400, 'created must be an integer', 'created');
		const problem = checkDelivery(body.delivery);
		if (problem) return problem;
		const object = { ...sampleObject(sim, body.type), ...(body.object ?? {}) };
		return [200, emit(sim, body.type, object, { created: body.created, delivery: body.delivery })];
	}
	const resend = /^\/_sandbox\/events\/([^/]+)\/resend$/.exec(req.path);
	if (req.method === 'POST' && resend) {
		const earlier = webhooks.events.find((sent) => sent.event.id === resend[1]);
		if (!earlier) return invalid(404, `No such event: '${resend[1]}'`, 'id', 'resource_missing');
		const problem = checkDelivery(body.delivery);
		if (problem) return problem;
		/** @type {SandboxEvent} */
		const again = { event: earlier.event, delivery: body.delivery ?? {}, deliveries: [] };
		webhooks.events.push(again);
		return [200, { event: again.event, sendingTo: send(sim, again) }];
	}
	if (req.method === 'POST' && req.path === '/_sandbox/payments') {
		const refused = refusal(schema.check(body, { object: { customer: 'string', amount: 'integer', currency: 'string', description: 'string' } }));
		if (refused) return refused;
		if (body.customer !== undefined && !sim.customers.has(body.customer)) return invalid(400, `No such customer: '${body.customer}'`, 'customer', 'resource_missing');
		const intent = {
			...sampleObject(sim, 'payment_intent.created'),
			amount: body.amount ?? 2000,
			currency: body.currency ?? 'usd',
			customer: body.customer ?? null,
			description: body.description ?? null,
		};
		webhooks.paymentIntents.set(intent.id, intent);
		const created = emit(sim, 'payment_intent.created', intent);
		intent.status = 'succeeded';
		const succeeded = emit(sim, 'payment_intent.succeeded', intent);
		return [200, { payment_intent: clone(intent), events: [created, succeeded] }];
	}
	return undefined;
}

/**
 * The module's routes, for ROUTE_MODULES in simulator.js.
 * @param {Simulator} sim @param {import('./simulator').RecordedRequest} req @param {URL} url @returns {Answer | undefined}
 */
function routes(sim, req, url) {
	if (req.path.startsWith('/_sandbox/')) return sandboxRoutes(sim, req);
	return endpointRoutes(sim, req, url);
}

module.exports = { routes, emit, fire, sentEvent, settled, reset, state };

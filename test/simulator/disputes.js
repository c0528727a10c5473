// @ts-check
'use strict';

/**
 * Disputes and files (an endpoint module, see ROUTE_MODULES in simulator.js), as
 * ../shared/wooshpay/api/payments.md and more.md mark them [seen]:
 *
 *   GET  /v1/disputes/list          query: charge, payment_intent, created[gt|gte|lt|lte], limit,
 *                                   starting_after, ending_before (the page declares them as a JSON
 *                                   body on the GET; the node sends them in the query string, README "Lists")
 *   POST /v1/disputes/{id}/close    no body (an empty JSON object is accepted, any field refused)
 *   GET  /v1/files/{id}             the file object; no query parameter
 *   GET  /_sandbox/files/{id}/contents   (the sandbox's own) the file's bytes, where its `url` points
 *
 * What the pages do not show is this simulator's guess, kept plain:
 * - Close, as Stripe closes: a dispute that needs a response or is under review becomes `lost`;
 *   an inquiry (warning_needs_response, warning_under_review) becomes `warning_closed`; a closed
 *   one (lost, won, warning_closed) is refused, 400 dispute_unexpected_state naming its status.
 *   charge.dispute.closed fires. The answer leaves out balance_transactions,
 *   is_charge_refundable and reason, as the Close page's schema does.
 * - The list's `url` is "/v1/disputes", as the page's (Stripe-copied) example answer has it.
 * - The dispute's `evidence` has Stripe's 27 fields (the page lists them); a file's `url` is this
 *   sandbox's own address of its bytes (WooshPay's file host is not seen), which needs the same
 *   Basic auth as the API. `created` in Unix seconds, like every object here.
 *
 * Seeded: disputes dp_sandbox_1 (needs_response, on ch_sandbox_1), dp_sandbox_2
 * (warning_needs_response, on ch_sandbox_3), dp_sandbox_3 (lost, on ch_sandbox_2, with evidence
 * and WooshPay's metadata keys) and files file_sandbox_1..2 (PNG, dispute_evidence).
 */

const { clone, invalid, refusedGet, LIST_QUERY, listPage, filterBy, perSimulator, keep, dispatch, unexpectedState } = require('./util');
const { fire } = require('./webhooks');

/** @typedef {import('./simulator').Simulator} Simulator */
/** @typedef {import('./util').Answer} Answer */

/** @type {Record<string, 'string' | 'integer'>} */
const DISPUTE_LIST_QUERY = { ...LIST_QUERY, charge: 'string', payment_intent: 'string' };
const EVIDENCE_FIELDS = [
	'access_activity_log', 'billing_address', 'cancellation_policy', 'cancellation_policy_disclosure', 'cancellation_rebuttal',
	'customer_communication', 'customer_email_address', 'customer_name', 'customer_purchase_ip', 'customer_signature',
	'duplicate_charge_documentation', 'duplicate_charge_explanation', 'duplicate_charge_id', 'product_description', 'receipt',
	'refund_policy', 'refund_policy_disclosure', 'refund_refusal_explanation', 'service_date', 'service_documentation',
	'shipping_address', 'shipping_carrier', 'shipping_date', 'shipping_documentation', 'shipping_tracking_number',
	'uncategorized_file', 'uncategorized_text',
];
const CLOSABLE = ['warning_needs_response', 'warning_under_review', 'needs_response', 'under_review'];
/** A 1×1 PNG: the bytes of every seeded file. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** @typedef {{disputes: Map<string, any>, files: Map<string, any>}} Stores */

/** @type {(sim: Simulator) => Stores} */
const disputesOf = perSimulator(() => ({ disputes: new Map(), files: new Map() }), seed);

/** @param {Simulator} sim @param {any} fields @param {string} [id] */
function addFile(sim, fields, id = sim.nextId('file')) {
	const file = {
		id,
		object: 'file',
		created: sim.created(),
		expires_at: null,
		filename: 'evidence.png',
		purpose: 'dispute_evidence',
		size: PNG.length,
		title: null,
		type: 'png',
		url: `${sim.url}/_sandbox/files/${id}/contents`,
		...clone(fields),
	};
	return keep(disputesOf(sim).files, file);
}

/**
 * A dispute as the List all disputes page shows one.
 * @param {Simulator} sim @param {any} fields @param {string} [id]
 */
function addDispute(sim, fields, id = sim.nextId('dp')) {
	const { evidence, ...rest } = fields;
	const created = sim.created();
	const dispute = {
		id,
		object: 'dispute',
		amount: 0,
		balance_transactions: [],
		charge: null,
		created,
		currency: 'USD',
		evidence: { ...Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, null])), ...clone(evidence ?? {}) },
		evidence_details: { due_by: created + 7 * 86400, has_evidence: evidence !== undefined, past_due: false, submission_count: evidence ? 1 : 0 },
		is_charge_refundable: false,
		livemode: false,
		metadata: {},
		payment_intent: null,
		reason: 'general',
		status: 'needs_response',
		...clone(rest),
	};
	return keep(disputesOf(sim).disputes, dispute);
}

/** @param {Simulator} sim */
function seed(sim) {
	addFile(sim, { filename: 'receipt.png' }, 'file_sandbox_1');
	addFile(sim, { filename: 'delivery-proof.png' }, 'file_sandbox_2');
	addDispute(sim, { amount: 2500, currency: 'USD', charge: 'ch_sandbox_1', payment_intent: 'pi_sandbox_1', reason: 'fraudulent', is_charge_refundable: true }, 'dp_sandbox_1');
	addDispute(sim, { amount: 4999, currency: 'USD', charge: 'ch_sandbox_3', payment_intent: 'pi_sandbox_3', reason: 'product_not_received', status: 'warning_needs_response' }, 'dp_sandbox_2');
	addDispute(
		sim,
		{
			amount: 9000,
			currency: 'GBP',
			charge: 'ch_sandbox_2',
			payment_intent: 'pi_sandbox_2',
			reason: 'product_unacceptable',
			status: 'lost',
			evidence: { receipt: 'file_sandbox_1', shipping_documentation: 'file_sandbox_2', customer_name: 'Grace Hopper', uncategorized_text: 'Delivered on time; the customer kept the goods.' },
			// The keys of WooshPay's own dispute event example (strings; times in milliseconds).
			metadata: {
				card_scheme: 'VISA', card_number: '424242******4242', orig_transaction_amount: '12000', orig_transaction_currency: 'GBP',
				orig_transaction_date: String((sim.options.startTime ?? 0) * 1000), partial_ind: 'Y', work_by_date: String(((sim.options.startTime ?? 0) + 30 * 86400) * 1000), arn: '74537604221431003881865',
			},
		},
		'dp_sandbox_3',
	);
}

/** @type {import('./util').Handler} */
function listDisputes(sim, req, url) {
	const refused = refusedGet(req, DISPUTE_LIST_QUERY);
	if (refused) return refused;
	const matching = filterBy(disputesOf(sim).disputes.values(), url.searchParams, { charge: 'charge', payment_intent: 'payment_intent' });
	return listPage(matching, url.searchParams, { url: '/v1/disputes', type: 'dispute', maxPageSize: sim.options.maxPageSize });
}

/** A dispute as Close answers it: without the fields its page's schema leaves out. @param {any} dispute */
function closedView(dispute) {
	const { balance_transactions: _transactions, is_charge_refundable: _refundable, reason: _reason, ...shown } = dispute;
	return shown;
}

/** @type {import('./util').Handler} */
function closeDispute(sim, req, _url, id) {
	return sim.change(req, { object: {} }, disputesOf(sim).disputes, id, 'dispute', (dispute) => {
		if (!CLOSABLE.includes(dispute.status)) return unexpectedState('Dispute', 'dispute_unexpected_state', dispute.status, ['close', 'closed'], CLOSABLE);
		dispute.status = dispute.status.startsWith('warning_') ? 'warning_closed' : 'lost';
		fire(sim, 'charge.dispute.closed', dispute);
		return { status: 200, body: closedView(dispute) };
	});
}

/** @type {import('./util').Route[]} */
const ROUTES = [
	['GET', /^\/v1\/disputes\/list$/, listDisputes],
	['POST', /^\/v1\/disputes\/([^/]+)\/close$/, closeDispute],
	['GET', /^\/v1\/files\/([^/]+)$/, (sim, req, _url, id) => refusedGet(req, {}) ?? sim.find(disputesOf(sim).files, id, 'file')],
	[
		'GET',
		/^\/_sandbox\/files\/([^/]+)\/contents$/,
		(sim, _req, _url, id) => (disputesOf(sim).files.has(id) ? [200, PNG, { 'content-type': 'image/png' }] : invalid(404, `No such file: '${id}'`, 'id', 'resource_missing')),
	],
];

/**
 * Answers the dispute and file endpoints; undefined for any other request.
 * @param {Simulator} sim @param {any} req @param {URL} url @returns {Answer | undefined}
 */
function routes(sim, req, url) {
	return dispatch(ROUTES, sim, req, url);
}

module.exports = { routes, disputesOf, addDispute, addFile };

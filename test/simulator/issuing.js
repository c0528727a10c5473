// @ts-check
'use strict';

/**
 * Issuing cards, authorizations and transactions, as the pages in
 * ../shared/wooshpay/api/issuing-cards.md and issuing-authorizations-transactions.md show them:
 *
 *   GET  /v1/issuing/cards                 query: cardholder, type, created[...], limit, starting_after, ending_before
 *   GET  /v1/issuing/cards/{id}            query: expand
 *   POST /v1/issuing/cards/{id}            body: status, cancellation_reason, metadata (a string)
 *   GET  /v1/issuing/cards/{id}/limits     {currency, limits: [{amount, interval, remaining}]}
 *   GET  /v1/issuing/authorizations        query: card, cardholder, status, created[...], limit, starting_after, ending_before
 *   GET  /v1/issuing/authorizations/{id}   (path inferred: the page could not be read)
 *   GET  /v1/issuing/transactions          query: card, cardholder, created[...], limit, starting_after, ending_before
 *   GET  /v1/issuing/transactions/{id}     (path inferred)
 *   POST /v1/issuing/transactions/{id}     body: metadata (a string); the answer's metadata is an object
 *
 * Where the pages are silent the simulator decides, and says so here: the created filters are
 * spelled `created[gte]` (the cards and authorizations pages show a space before the bracket,
 * taken as an artefact) and take whole Unix seconds; a transaction's metadata string must be a
 * JSON object, whose pairs are merged into the transaction's metadata; a card's metadata is
 * kept as the string sent (the card object types it as a string); a card's `cardholder` is the
 * cardholder object as it was when the card was made. Any other query parameter, body field
 * or value is refused with a 400, as are bodies on GET requests.
 */

const { clone, invalid, refusedGet, LIST_QUERY, listPage, filterBy, metadataPairs, badMetadataText } = require('./util');

/** @typedef {import('./simulator').Simulator} Simulator */

const CARD_STATUSES = ['active', 'inactive', 'canceled'];
const CANCELLATION_REASONS = ['lost', 'stolen', 'design_rejected'];

const cardUpdate = {
	object: {
		status: { enum: CARD_STATUSES },
		cancellation_reason: { enum: CANCELLATION_REASONS },
		metadata: 'string',
	},
};

const transactionUpdate = { object: { metadata: 'string' } };


/** The query parameters each GET declares. */
const QUERIES = {
	cards: { cardholder: 'string', type: { enum: ['virtual', 'physical'] }, ...LIST_QUERY },
	authorizations: { card: 'string', cardholder: 'string', status: 'string', ...LIST_QUERY },
	transactions: { card: 'string', cardholder: 'string', ...LIST_QUERY },
	card: { expand: 'string', 'expand[]': 'string' },
	none: {},
};

/** The issuing objects of one simulator. */
class Issuing {
	/** @param {Simulator} sim */
	constructor(sim) {
		this.sim = sim;
		/** @type {Map<string, any>} */
		this.cards = new Map();
		/** @type {Map<string, any>} */
		this.authorizations = new Map();
		/** @type {Map<string, any>} */
		this.transactions = new Map();
		/** @type {Map<string, {currency: string, limits: Array<{amount: number, interval: string, remaining: number}>}>} card ID → remaining limits */
		this.limits = new Map();
	}

	/** @param {any} [fields] @param {string} [id] */
	addCard(fields = {}, id = this.sim.nextId('ic')) {
		const { cardholder = 'ich_sandbox_1', limits, ...rest } = fields;
		const card = {
			id,
			object: 'issuing.card',
			brand: 'Visa',
			cancellation_reason: null,
			cardholder: clone(this.sim.cardholders.get(cardholder)) ?? cardholder,
			created: this.sim.created(),
			currency: 'usd',
			exp_month: 12,
			exp_year: 2029,
			first6: '424242',
			last4: '4242',
			livemode: false,
			metadata: null,
			status: 'active',
			type: 'virtual',
			...rest,
		};
		this.cards.set(id, card);
		this.limits.set(id, limits ?? { currency: card.currency, limits: [{ amount: 50000, interval: 'per_authorization', remaining: 50000 }] });
		return card;
	}

	/** @param {any} [fields] @param {string} [id] */
	addAuthorization(fields = {}, id = this.sim.nextId('iauth')) {
		const { card = 'ic_sandbox_1', ...rest } = fields;
		const authorization = {
			id,
			object: 'issuing.authorization',
			amount: 1000,
			approved: true,
			card,
			cardholder: this.cardholderOf(card),
			created: this.sim.created(),
			currency: 'usd',
			livemode: false,
			merchant_data: { category: 'eating_places_restaurants', city: 'London', country: 'GB', name: 'Corner Cafe' },
			status: 'closed',
			...rest,
		};
		this.authorizations.set(id, authorization);
		return authorization;
	}

	/** @param {any} [fields] @param {string} [id] */
	addTransaction(fields = {}, id = this.sim.nextId('ipi')) {
		const { card = 'ic_sandbox_1', ...rest } = fields;
		const transaction = {
			id,
			object: 'issuing.transaction',
			amount: 1000,
			authorization: null,
			card,
			cardholder: this.cardholderOf(card),
			created: this.sim.created(),
			currency: 'usd',
			dispute: null,
			livemode: false,
			merchant_amount: 1000,
			merchant_currency: 'usd',
			merchant_data: { category: 'eating_places_restaurants', city: 'London', country: 'GB', name: 'Corner Cafe' },
			metadata: {},
			type: 'capture',
			...rest,
		};
		this.transactions.set(id, transaction);
		return transaction;
	}

	/** @param {string} cardId */
	cardholderOf(cardId) {
		const holder = this.cards.get(cardId)?.cardholder;
		return typeof holder === 'object' && holder ? holder.id : holder ?? null;
	}

	/** An authorization as WooshPay answers it: the card embedded. @param {any} authorization */
	showAuthorization(authorization) {
		return clone({ ...authorization, card: this.cards.get(authorization.card) ?? authorization.card });
	}

	/** Cards, authorizations and transactions of the sandbox cardholders ich_sandbox_1..3. */
	seed() {
		this.addCard({ cardholder: 'ich_sandbox_1', limits: { currency: 'usd', limits: [{ amount: 50000, interval: 'per_authorization', remaining: 50000 }, { amount: 200000, interval: 'monthly', remaining: 154250 }] } }, 'ic_sandbox_1');
		this.addCard({ cardholder: 'ich_sandbox_1', brand: 'MasterCard', first6: '555555', last4: '4444', type: 'physical', status: 'inactive' }, 'ic_sandbox_2');
		this.addCard({ cardholder: 'ich_sandbox_2', first6: '400000', last4: '0077', currency: 'gbp' }, 'ic_sandbox_3');
		this.addCard({ cardholder: 'ich_sandbox_3', last4: '1881', status: 'canceled', cancellation_reason: 'stolen' }, 'ic_sandbox_4');
		this.addAuthorization({ card: 'ic_sandbox_1', amount: 1250 }, 'iauth_sandbox_1');
		this.addAuthorization({ card: 'ic_sandbox_1', amount: 4599, status: 'pending', merchant_data: { category: 'stationery_stores', city: 'Leeds', country: 'GB', name: 'Office Supplies Ltd' } }, 'iauth_sandbox_2');
		this.addAuthorization({ card: 'ic_sandbox_3', amount: 120000, currency: 'gbp', approved: false, merchant_data: { category: 'electronics_stores', city: 'Manchester', country: 'GB', name: 'Electronics World' } }, 'iauth_sandbox_3');
		this.addTransaction({ card: 'ic_sandbox_1', authorization: 'iauth_sandbox_1', amount: 1250, merchant_amount: 1250 }, 'ipi_sandbox_1');
		this.addTransaction({ card: 'ic_sandbox_1', amount: 1250, merchant_amount: 1250, type: 'refund' }, 'ipi_sandbox_2');
		this.addTransaction({ card: 'ic_sandbox_3', amount: 3000, currency: 'gbp', merchant_amount: 3000, merchant_currency: 'gbp', merchant_data: { category: 'taxicabs_limousines', city: 'New York', country: 'US', name: 'City Cabs' } }, 'ipi_sandbox_3');
	}
}

/** @type {WeakMap<Simulator, Issuing>} */
const stores = new WeakMap();

/**
 * The issuing objects of a simulator, made on first use (and seeded then when the simulator
 * is seeded). Tests add their own with addCard, addAuthorization and addTransaction.
 * @param {Simulator} sim
 */
function issuingOf(sim) {
	let issuing = stores.get(sim);
	if (!issuing) {
		issuing = new Issuing(sim);
		stores.set(sim, issuing);
		if (sim.options.seed) issuing.seed();
	}
	return issuing;
}

/**
 * A list: the objects that match the query's filters (`fields`: query parameter → the
 * object's field it compares with), newest first, one page (listPage in util.js).
 * @param {Map<string, any>} store @param {URL} url @param {Record<string, string>} fields
 * @param {string} noun @param {number} maxPageSize @param {(object: any) => any} show
 * @returns {[number, any]}
 */
function list(store, url, fields, noun, maxPageSize, show) {
	const q = url.searchParams;
	const [status, page] = listPage(filterBy(store.values(), q, fields), q, { url: url.pathname, type: noun, maxPageSize });
	if (status === 200) page.data = page.data.map(show);
	return [status, page];
}

/** @param {Map<string, any>} store @param {string} id @param {string} noun @param {(object: any) => any} show @returns {[number, any]} */
function find(store, id, noun, show) {
	const object = store.get(id);
	return object ? [200, show(object)] : invalid(404, `No such ${noun}: '${id}'`, 'id', 'resource_missing');
}

/**
 * The simulator's route module for issuing cards, authorizations and transactions.
 * @param {Simulator} sim @param {import('./simulator').RecordedRequest} req @param {URL} url
 * @returns {[number, any, Record<string, string>?] | undefined}
 */
function issuingRoutes(sim, req, url) {
	// Segments are matched raw, as a server that does not decode %2F sees them.
	const match = /^\/v1\/issuing\/(cards|authorizations|transactions)(?:\/([^/]+)(\/limits)?)?$/.exec(req.path);
	if (!match) return undefined;
	const [, kind, rawId, limits] = match;
	let id = '';
	try {
		id = rawId === undefined ? '' : decodeURIComponent(rawId);
	} catch {
		return invalid(404, `Unrecognized request URL (${req.method}: ${req.path}).`);
	}
	const issuing = issuingOf(sim);
	const maxPageSize = sim.options.maxPageSize ?? 100;
	const one = rawId !== undefined;
	const route = `${req.method} ${kind}${one ? '/:id' : ''}${limits ?? ''}`;

	if (req.method === 'GET') {
		const declared = route === 'GET cards' ? QUERIES.cards : route === 'GET authorizations' ? QUERIES.authorizations : route === 'GET transactions' ? QUERIES.transactions : route === 'GET cards/:id' ? QUERIES.card : QUERIES.none;
		const refused = refusedGet(req, declared);
		if (refused) return refused;
	}

	const showCard = (/** @type {any} */ card) => clone(card);
	const showAuthorization = (/** @type {any} */ a) => issuing.showAuthorization(a);
	const showTransaction = (/** @type {any} */ t) => clone(t);
	switch (route) {
		case 'GET cards':
			return list(issuing.cards, url, { cardholder: 'cardholder', type: 'type' }, 'card', maxPageSize, showCard);
		case 'GET cards/:id':
			return find(issuing.cards, id, 'card', showCard);
		case 'GET cards/:id/limits':
			return issuing.cards.has(id) ? [200, clone(issuing.limits.get(id))] : invalid(404, `No such card: '${id}'`, 'id', 'resource_missing');
		case 'POST cards/:id':
			return sim.update(req, cardUpdate, issuing.cards, id, 'issuing.card', (card) => Object.assign(card, req.body));
		case 'GET authorizations':
			return list(issuing.authorizations, url, { card: 'card', cardholder: 'cardholder', status: 'status' }, 'authorization', maxPageSize, showAuthorization);
		case 'GET authorizations/:id':
			return find(issuing.authorizations, id, 'authorization', showAuthorization);
		case 'GET transactions':
			return list(issuing.transactions, url, { card: 'card', cardholder: 'cardholder' }, 'transaction', maxPageSize, showTransaction);
		case 'GET transactions/:id':
			return find(issuing.transactions, id, 'transaction', showTransaction);
		case 'POST transactions/:id': {
			const pairs = metadataPairs(req.body?.metadata);
			if (pairs === null) return badMetadataText();
			return sim.update(req, transactionUpdate, issuing.transactions, id, 'issuing.transaction', (transaction) => Object.assign(transaction.metadata, pairs));
		}
		default:
			return invalid(404, `Unrecognized request URL (${req.method}: ${req.path}).`);
	}
}

module.exports = { issuingRoutes, issuingOf };

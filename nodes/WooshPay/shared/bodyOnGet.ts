import type { INodePropertyRouting } from 'n8n-workflow';

import { query } from './routing';
import type { Rule } from './validation';

/**
 * How the node sends the list parameters that WooshPay's reference declares as a JSON body on a
 * GET (List all PaymentIntents, List all charges): in the query string, each body path written
 * with brackets, so `created.gte` goes as `created[gte]=…`. `limit` and `starting_after` go the
 * same way (listAll in transport.ts puts them in the query string).
 *
 * Why: n8n's HTTP helper drops the body of every GET before sending it
 * (@n8n/backend-network, `httpRequest`: "if method is GET, delete data"), and so do many
 * proxies; WooshPay's other lists (cards, authorizations, transactions, webhook endpoints)
 * declare these same parameters in the query string, transactions with exactly this bracket
 * spelling; and the API is modelled on Stripe's, whose lists read them from the query string.
 *
 * This is the one place to change when a real account shows otherwise: to spell the names
 * with dots instead (`created.gte`), return `query(path, label, ...rules)`.
 */
export function bodyOnGet(path: string, label: string, ...rules: Rule[]): INodePropertyRouting {
	const [first, ...rest] = path.split('.');
	return query(first + rest.map((key) => `[${key}]`).join(''), label, ...rules);
}

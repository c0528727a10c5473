import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { query } from './routing';
import { listAll } from './transport';
import { unixSeconds } from './validation';

/** The routing of a Get Many operation: a GET of `url`, page by page with listAll. */
export function listRouting(url: string): INodePropertyRouting {
	return { request: { method: 'GET', url }, operations: { pagination: listAll } };
}

/**
 * Return All and Limit, read by listAll (transport.ts), which sends `limit` and
 * `starting_after` and follows `has_more` page by page. One pair serves the Get Many of every
 * resource in `resources`: n8n's engine walks every top-level property of the node twice for
 * each item, shown or not, so a pair per resource would make every operation slower as the node
 * grows (bench/README.md, "The node's size").
 */
export function returnAllAndLimit(resources: string[]): INodeProperties[] {
	const show = { resource: resources, operation: ['getAll'] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** The Filters of a Get Many: the list's own filters, each with the query parameter it is sent as. */
export function listFilters(displayOptions: INodeProperties['displayOptions'], filters: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions,
		options: filters,
	};
}

/**
 * The Created After / Created Before filters of a list of `things` (such as "cardholders"):
 * moments picked in the editor, sent as Unix seconds by the routing `route` gives for the
 * bound (`gte` or `lte`); by default the query parameters `created[gte]` and `created[lte]`.
 * (The cards and authorizations pages spell the names with a space, `created [gte]`, and type
 * them string; the transactions page spells them without and types them integer. In a query
 * string both types look the same; the space is taken as an artefact of the pages: see README,
 * "What is inferred".)
 */
export function createdFilters(
	things: string,
	route: (bound: 'gte' | 'lte') => INodePropertyRouting = (bound) => query(`created[${bound}]`, unixSeconds),
): INodeProperties[] {
	return [
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: `Only ${things} created at or after this moment`,
			routing: route('gte'),
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: `Only ${things} created at or before this moment`,
			routing: route('lte'),
		},
	];
}

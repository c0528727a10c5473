import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { query } from './routing';
import { unixSeconds } from './validation';

/**
 * Return All and Limit of a resource's Get Many, read by listAll (transport.ts), which sends
 * `limit` and `starting_after` and follows `has_more` page by page.
 */
export function returnAllAndLimit(resource: string): INodeProperties[] {
	const show = { resource: [resource], operation: ['getAll'] };
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
	route: (bound: 'gte' | 'lte', label: string) => INodePropertyRouting = (bound, label) => query(`created[${bound}]`, label, unixSeconds),
): INodeProperties[] {
	return [
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: `Only ${things} created at or after this moment`,
			routing: route('gte', 'Filters → Created After'),
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: `Only ${things} created at or before this moment`,
			routing: route('lte', 'Filters → Created Before'),
		},
	];
}

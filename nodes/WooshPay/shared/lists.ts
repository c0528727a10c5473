import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { listAll } from './transport';

/** The routing of a Get Many operation: a GET of `url`, page by page with listAll. */
export function listRouting(url: string): INodePropertyRouting {
	return { request: { method: 'GET', url }, operations: { pagination: listAll } };
}

/**
 * The fields of a Get Many: Return All and Limit, read by listAll (transport.ts), which sends
 * `limit` and `starting_after` and follows `has_more` page by page; then the list's Filters.
 */
export function getManyFields(displayOptions: INodeProperties['displayOptions'], filters: INodeProperties[]): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...displayOptions?.show, returnAll: [false] } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions,
			options: filters,
		},
	];
}

/**
 * The Created After / Created Before filters of a list of `things` (such as "cardholders"):
 * moments picked in the editor, sent as Unix seconds by the routing `route` gives for the
 * bound (`gte` or `lte`).
 */
export function createdFilters(things: string, route: (bound: 'gte' | 'lte') => INodePropertyRouting): INodeProperties[] {
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

import type { INodeProperties } from 'n8n-workflow';

import { query } from './routing';
import { unixSeconds } from './validation';

/**
 * Fields every Get Many operation has. `listAll` (shared/transport.ts) reads Return All and
 * Limit by these names and sends `limit` and `starting_after` itself.
 */
function returnAllAndLimit(displayOptions: INodeProperties['displayOptions']): INodeProperties[] {
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
	];
}

/**
 * The fields of a Get Many: Return All, Limit and a Filters collection with the list's own
 * filters (each with the query parameter it is sent as).
 */
export function getManyFields(displayOptions: INodeProperties['displayOptions'], filters: INodeProperties[]): INodeProperties[] {
	return [
		...returnAllAndLimit(displayOptions),
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
 * The Created After / Created Before filters of a list, sent as `created[gte]` and
 * `created[lte]` in Unix seconds. (The cards and authorizations pages spell the names with a
 * space, `created [gte]`, and type them string; the transactions page spells them without and
 * types them integer. In a query string both types look the same; the space is taken as an
 * artefact of the pages: see README, "What is inferred".)
 */
export function createdFilters(things: string): INodeProperties[] {
	return [
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: `Only ${things} created at or after this moment`,
			routing: query('created[gte]', unixSeconds),
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: `Only ${things} created at or before this moment`,
			routing: query('created[lte]', unixSeconds),
		},
	];
}

import type { INodeProperties } from 'n8n-workflow';

import { authorizationLocator, showFor } from '../../shared/descriptions';
import { listRouting } from '../../shared/lists';
import { urlWithId } from '../../shared/routing';
import { authorizationGetAllFilters } from './getAll';

const showOnlyForAuthorizations = { show: { resource: ['authorization'] } };

/**
 * Get works on one authorization: its ID goes into the URL. WooshPay's reference lists
 * "Retrieve an authorization", but its page could not be read: the path is inferred from the
 * list's (README, "What is inferred").
 */
const oneAuthorization = urlWithId(authorizationLocator, '/v1/issuing/authorizations/{id}');

export const authorizationOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showOnlyForAuthorizations,
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a card authorization',
			description: "Fetch an authorization's details (path inferred: WooshPay's page could not be read)",
			routing: { request: { method: 'GET' }, send: { preSend: [oneAuthorization] } },
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many card authorizations',
			description: 'List card authorizations, newest first',
			routing: listRouting('/v1/issuing/authorizations'),
		},
	],
	default: 'getAll',
};

/** The fields of the authorization operations; they come after every resource's Operation (see WooshPay.node.ts). */
export const authorizationFields: INodeProperties[] = [
	{ ...authorizationLocator, displayOptions: showFor('authorization', ['get']) },
	authorizationGetAllFilters,
];

import type { INodeProperties } from 'n8n-workflow';

import { authorizationLocator, showFor } from '../../shared/descriptions';
import { listRouting } from '../../shared/lists';
import { urlWithId } from '../../shared/routing';
import { authorizationGetAllDescription } from './getAll';

const showOnlyForAuthorizations = { show: { resource: ['authorization'] } };

/**
 * Get works on one authorization: its ID goes into the URL. WooshPay's reference lists
 * "Retrieve an authorization", but its page could not be read: the path is inferred from the
 * list's (README, "What is inferred").
 */
const oneAuthorization = urlWithId(authorizationLocator, '/v1/issuing/authorizations/{id}');

export const authorizationDescription: INodeProperties[] = [
	{
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
	},
	{ ...authorizationLocator, displayOptions: showFor('authorization', ['get']) },
	...authorizationGetAllDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import { authorizationLocator, showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { listAll } from '../../shared/transport';
import { authorizationGetAllDescription } from './getAll';

/**
 * Card authorizations (Issuing). WooshPay's reference lists "Retrieve an authorization", but its
 * page could not be read: Get's path is inferred from the list's (README, "What is inferred").
 */
export const authorizationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['authorization'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a card authorization',
				description: "Fetch an authorization's details by its ID (path inferred: WooshPay's page could not be read)",
				routing: route({ method: 'GET', url: `=/v1/issuing/authorizations/${idInPath('authorizationId')}` }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many card authorizations',
				description: 'List card authorizations, newest first, optionally those of one card or cardholder',
				routing: route({ method: 'GET', url: '/v1/issuing/authorizations' }, { send: listAll }),
			},
		],
		default: 'getAll',
	},
	{ ...authorizationLocator, displayOptions: showFor('authorization', ['get']) },
	...authorizationGetAllDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import { cardholderLocator, showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { listAll } from '../../shared/transport';
import { cardholderCreateDescription } from './create';
import { cardholderGetAllDescription } from './getAll';
import { cardholderUpdateDescription } from './update';

/** Cardholders (Issuing): the people and companies that hold WooshPay issued cards. */
export const cardholderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cardholder'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a cardholder',
				description: 'Add a new cardholder, with name, type and billing address',
				routing: route({ method: 'POST', url: '/v1/issuing/cardholders' }),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a cardholder',
				description: "Fetch a cardholder's details by the cardholder's ID",
				routing: route({ method: 'GET', url: `=/v1/issuing/cardholders/${idInPath('cardholderId')}` }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many cardholders',
				description: 'List cardholders, newest first, optionally filtered by status, email, type or creation time',
				routing: route({ method: 'GET', url: '/v1/issuing/cardholders' }, { send: listAll }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a cardholder',
				description: "Change a cardholder's details or status, such as blocking all their cards, by the cardholder's ID",
				routing: route({ method: 'POST', url: `=/v1/issuing/cardholders/${idInPath('cardholderId')}` }),
			},
		],
		default: 'update',
	},
	{ ...cardholderLocator, displayOptions: showFor('cardholder', ['get', 'update']) },
	...cardholderCreateDescription,
	...cardholderGetAllDescription,
	...cardholderUpdateDescription,
];

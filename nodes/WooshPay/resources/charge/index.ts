import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { simplified, simplifyFields } from '../../shared/simplify';
import { listAllSimplified } from '../../shared/transport';
import { chargeLocator, simplifyCharge } from './get';
import { chargeGetAllDescription } from './getAll';

/** Charges: the attempts to move money from a payment method, made for payment intents. */
export const chargeDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['charge'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a charge',
				description: "Fetch a charge's details (amount, status, payment intent) by its ID (ch_...)",
				routing: route({ method: 'GET', url: `=/v1/charges/${idInPath('chargeId')}` }, { postReceive: [simplified(simplifyCharge)] }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many charges',
				description: 'List charges, newest first, optionally those of one customer',
				routing: route({ method: 'GET', url: '/v1/charges/list' }, { send: listAllSimplified(simplifyCharge) }),
			},
		],
		default: 'getAll',
	},
	{ ...chargeLocator, displayOptions: showFor('charge', ['get']) },
	...chargeGetAllDescription,
	...simplifyFields('charge', ['get', 'getAll'], 'charge'),
];

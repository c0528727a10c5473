import type { INodeProperties } from 'n8n-workflow';

import { route } from '../../shared/routing';
import { listAll } from '../../shared/transport';
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
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many charges',
				description: 'List charges, newest first, optionally those of one customer',
				routing: route({ method: 'GET', url: '/v1/charges/list' }, { send: listAll }),
			},
		],
		default: 'getAll',
	},
	...chargeGetAllDescription,
];

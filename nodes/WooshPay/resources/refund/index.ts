import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { sendMoneyMovement } from '../../shared/transport';
import { refundCreateDescription } from './create';
import { refundLocator } from './get';

/** Refunds. WooshPay lists no refunds: Create and Get only. */
export const refundDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['refund'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a refund',
				description: 'Refund a payment intent (pi_...), in full or in part',
				routing: route({ method: 'POST', url: '/v1/refunds' }, { send: sendMoneyMovement }),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a refund',
				description: "Fetch a refund's details and status by its ID (re_...)",
				routing: route({ method: 'GET', url: `=/v1/refunds/${idInPath('refundId')}` }),
			},
		],
		default: 'create',
	},
	...refundCreateDescription,
	{ ...refundLocator, displayOptions: showFor('refund', ['get']) },
];

import type { INodeProperties } from 'n8n-workflow';

import { urlWithId } from '../../shared/routing';
import { refundCreateDescription } from './create';
import { refundGetDescription, refundLocator } from './get';

export const refundOperation: INodeProperties = {
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
			description: 'Refund a payment, in full or in part',
			routing: { request: { method: 'POST', url: '/v1/refunds' } },
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a refund',
			description: "Fetch a refund's details and status",
			routing: { request: { method: 'GET' }, send: { preSend: [urlWithId(refundLocator, '/v1/refunds/{id}')] } },
		},
	],
	default: 'create',
};

/** The fields of the refund operations; they come after every resource's Operation (see WooshPay.node.ts). */
export const refundFields: INodeProperties[] = [
	...refundCreateDescription,
	...refundGetDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import { urlWithId } from '../../shared/routing';
import { eventGetDescription, eventLocator } from './get';

export const eventOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['event'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get an event',
			description: 'Fetch an event, with the object it is about',
			routing: { request: { method: 'GET' }, send: { preSend: [urlWithId(eventLocator, '/v1/events/{id}')] } },
		},
	],
	default: 'get',
};

/** The fields of the event operations; they come after every resource's Operation (see WooshPay.node.ts). */
export const eventFields: INodeProperties[] = [
	...eventGetDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { eventLocator } from './get';

/** Events: what happened in the account, as webhooks report it. WooshPay lists no events. */
export const eventDescription: INodeProperties[] = [
	{
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
				description: 'Fetch an event by its ID (evt_...), with the object it is about',
				routing: route({ method: 'GET', url: `=/v1/events/${idInPath('eventId')}` }),
			},
		],
		default: 'get',
	},
	{ ...eventLocator, displayOptions: showFor('event', ['get']) },
];

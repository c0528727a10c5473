import type { INodeProperties } from 'n8n-workflow';

import { listRouting } from '../../shared/lists';
import { chargeGetAllDescription } from './getAll';

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
				description: 'List charges, newest first',
				routing: listRouting('/v1/charges/list'),
			},
		],
		default: 'getAll',
	},
	...chargeGetAllDescription,
];

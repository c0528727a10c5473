import type { INodeProperties } from 'n8n-workflow';

import { customerLocator, showFor } from '../../shared/descriptions';
import { idInPath } from '../../shared/routing';

/** Customer → Get: GET /v1/customers/{id}. */
export const customerGetDescription: INodeProperties[] = [
	{
		...customerLocator,
		displayOptions: showFor('customer', ['get']),
		routing: idInPath('customerId', '/v1/customers/{id}'),
	},
];

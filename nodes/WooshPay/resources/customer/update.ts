import type { INodeProperties } from 'n8n-workflow';

import { customerLocator, showFor } from '../../shared/descriptions';
import { idInPath } from '../../shared/routing';
import { customerFields } from './fields';

const displayOptions = showFor('customer', ['update']);

/** Customer → Update: POST /v1/customers/{id} with the fields the user added. */
export const customerUpdateDescription: INodeProperties[] = [
	{
		...customerLocator,
		displayOptions,
		routing: idInPath('customerId', '/v1/customers/{id}'),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: customerFields(),
	},
];

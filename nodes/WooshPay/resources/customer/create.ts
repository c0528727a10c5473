import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, showFor } from '../../shared/descriptions';
import { customerFields } from './fields';

/** Customer → Create: POST /v1/customers with the fields the user added (none is required). */
export const customerCreateDescription: INodeProperties[] = [
	additionalFields(showFor('customer', ['create']), customerFields('Additional Fields')),
];

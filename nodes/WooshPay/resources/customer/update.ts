import type { INodeProperties } from 'n8n-workflow';

import { showFor, updateFields } from '../../shared/descriptions';
import { customerFields } from './fields';

/** Customer → Update: the fields the user added, sent to POST /v1/customers/{id}. */
export const customerUpdateDescription: INodeProperties[] = [
	updateFields(showFor('customer', ['update']), customerFields('Update Fields')),
];

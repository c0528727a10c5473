import type { INodeProperties } from 'n8n-workflow';

import { showFor, updateFields } from '../../shared/descriptions';
import { cardholderFields } from './fields';

/** Cardholder → Update: the fields the user added, sent to POST /v1/issuing/cardholders/{id}. */
export const cardholderUpdateDescription: INodeProperties[] = [
	updateFields(showFor('cardholder', ['update']), cardholderFields('Update Fields')),
];

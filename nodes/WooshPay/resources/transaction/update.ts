import type { INodeProperties } from 'n8n-workflow';

import { showFor, updateFields } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { metadataJsonText } from '../../shared/validation';

/**
 * Transaction → Update: POST /v1/issuing/transactions/{id}. The page "Update a transaction"
 * documents one field, `metadata`, typed string in the request (and an object in the answer).
 */
export const transactionUpdateDescription: INodeProperties[] = [
	updateFields(showFor('transaction', ['update']), [
		metadataField(metadataJsonText, 'Update Fields', {
			description:
				'Your own key/value pairs stored with the transaction, such as an accounting code. WooshPay types this field as text in the request, so the pairs are sent as one JSON text, such as {"gl_code":"6200"}.',
		}),
	]),
];

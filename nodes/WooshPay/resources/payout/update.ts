import type { INodeProperties } from 'n8n-workflow';

import { showFor, updateFields } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { metadataObject } from '../../shared/validation';

/**
 * Payout → Update: POST /v1/payouts/{id} (reference page "Update a Payout"), metadata only. The
 * page types `metadata` as a string but its example sends an object, as the node does.
 */
export const payoutUpdateDescription: INodeProperties[] = [
	updateFields(showFor('payout', ['update']), [metadataField(metadataObject, 'Update Fields')]),
];

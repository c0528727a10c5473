import type { IDataObject } from 'n8n-workflow';

import { listOrIdLocator } from '../../shared/descriptions';

/**
 * The dispute Dispute → Close closes: POST /v1/disputes/{id}/close (reference page "Close a
 * dispute", no body), picked from the list of disputes or given by ID.
 */
export const disputeLocator = listOrIdLocator('Dispute', 'disputeId', 'searchDisputes', 'dp_1787731245694324736');

/** A dispute as Simplify gives it: its ID, state, money, why, what it is about, and its deadline. */
export function simplifyDispute(dispute: IDataObject): IDataObject {
	const details = (dispute.evidence_details ?? {}) as IDataObject;
	return {
		id: dispute.id,
		status: dispute.status,
		amount: dispute.amount,
		currency: dispute.currency,
		reason: dispute.reason,
		charge: dispute.charge,
		payment_intent: dispute.payment_intent,
		evidence_due_by: details.due_by,
		is_charge_refundable: dispute.is_charge_refundable,
		created: dispute.created,
	};
}

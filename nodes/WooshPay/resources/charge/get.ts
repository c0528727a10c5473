import type { IDataObject } from 'n8n-workflow';

import { byIdLocator } from '../../shared/descriptions';

/** The charge Charge → Get fetches (GET /v1/charges/{id}, reference page "Retrieve a charge"). */
export const chargeLocator = byIdLocator({
	displayName: 'Charge',
	name: 'chargeId',
	description: 'The charge to get',
	placeholder: 'ch_1787731245694324736',
	hint: 'The ID WooshPay gave the charge (ch_...), or an expression such as {{ $json.charge }}',
	// GET /v1/charges/list is the list of charges: "list" in the ID's place would reach it.
	notAnId: { word: 'list', fix: "Enter the charge's ID (ch_...); to list charges, use Charge → Get Many." },
});

/**
 * A charge as Simplify gives it. The page shows the charge object only in part; these are the
 * fields of Stripe's charge that WooshPay's follows (inferred), left out when WooshPay lacks them.
 */
export function simplifyCharge(charge: IDataObject): IDataObject {
	return {
		id: charge.id,
		status: charge.status,
		amount: charge.amount,
		amount_refunded: charge.amount_refunded,
		currency: charge.currency,
		captured: charge.captured,
		payment_intent: charge.payment_intent,
		customer: charge.customer,
		failure_message: charge.failure_message,
		created: charge.created,
	};
}

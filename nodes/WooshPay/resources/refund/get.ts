import { byIdLocator } from '../../shared/descriptions';

/** The refund Refund → Get fetches (GET /v1/refunds/{id}, reference page "Retrieve a refund"). */
export const refundLocator = byIdLocator({
	displayName: 'Refund',
	name: 'refundId',
	description: 'The refund to get',
	placeholder: 're_1787731245694324736',
	hint: 'The ID WooshPay gave the refund (re_...), or an expression such as {{ $json.id }}',
});

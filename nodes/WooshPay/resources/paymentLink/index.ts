import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { byIdLocator, showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { simplified, simplifyFields } from '../../shared/simplify';

const paymentLinkLocator = byIdLocator({
	displayName: 'Payment Link',
	name: 'paymentLinkId',
	description: 'The payment link to get',
	placeholder: 'plink_1787731245694324736',
	hint: 'The ID WooshPay gave the payment link (plink_...), such as {{ $json.data.object.id }} after a WooshPay Trigger on payment_link.paid',
});

/** A payment link as Simplify gives it: its ID, whether it works, where it is, and what it sells. */
function simplifyPaymentLink(link: IDataObject): IDataObject {
	const items = ((link.line_items as IDataObject | undefined)?.data ?? undefined) as IDataObject[] | undefined;
	return {
		id: link.id,
		active: link.active,
		url: link.url,
		currency: link.currency,
		line_items: items?.map((item) => ({
			// The price's ID, also when WooshPay sends the whole price object.
			price: typeof item.price === 'object' && item.price !== null ? (item.price as IDataObject).id : item.price,
			quantity: item.quantity,
			amount_total: item.amount_total,
		})),
		after_completion: (link.after_completion as IDataObject | undefined)?.type,
		metadata: link.metadata,
		livemode: link.livemode,
		created: link.created,
	};
}

/**
 * Payment links: a page customers pay on, made in the WooshPay dashboard. Get only (reference
 * page "Retrieve payment link"); Create, Update and List could not be read.
 */
export const paymentLinkDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentLink'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a payment link',
				description: "Fetch a payment link's address, state and line items by its ID",
				routing: route({ method: 'GET', url: `=/v1/payment_links/${idInPath('paymentLinkId')}` }, { postReceive: [simplified(simplifyPaymentLink)] }),
			},
		],
		default: 'get',
	},
	{ ...paymentLinkLocator, displayOptions: showFor('paymentLink', ['get']) },
	...simplifyFields('paymentLink', ['get'], 'payment link'),
];

import type { INodeProperties } from 'n8n-workflow';

import { idInPathCheck } from './routing';

/**
 * Shows a field only for one resource and some of its operations, and, with `also`, only when
 * other fields have these values (such as `{ discount: ['percent'] }`).
 */
export function showFor(resource: string, operations: string[], also: Record<string, string[]> = {}): INodeProperties['displayOptions'] {
	return { show: { resource: [resource], operation: operations, ...also } };
}

/**
 * A resource locator with only a By ID mode, for objects WooshPay lists nowhere (or not yet in
 * this node). Its value goes into the operation's URL (idInPath in routing.ts), so it checks
 * itself before anything is sent (idInPathCheck); `notAnId` as there. listOrIdLocator adds a
 * From List mode, as a later version can without breaking saved workflows.
 */
export function byIdLocator(field: {
	displayName: string;
	name: string;
	description: string;
	placeholder: string;
	hint: string;
	notAnId?: { word: string; fix: string };
}): INodeProperties {
	const { displayName, name, description, placeholder, hint, notAnId } = field;
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description,
		modes: [{ displayName: 'By ID', name: 'id', type: 'string', placeholder, hint }],
		routing: idInPathCheck(displayName, name, notAnId),
	};
}

/**
 * A locator of one object: picked **From List** (a list search method in listSearch/, searchable,
 * more loaded as the user scrolls) or given **By ID**. `name` is the parameter's name.
 */
export function listOrIdLocator(displayName: string, name: string, searchListMethod: string, placeholder: string): INodeProperties {
	const noun = displayName.toLowerCase();
	const byId = byIdLocator({
		displayName,
		name,
		description: `The ${noun} to work on`,
		placeholder,
		hint: `The ID WooshPay gave the ${noun}, or an expression such as {{ $json.${name} }}`,
	});
	return {
		...byId,
		default: { mode: 'list', value: '' },
		modes: [{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } }, ...(byId.modes ?? [])],
	};
}

/** The customer a single-customer operation works on. WooshPay has no customer list, so By ID only. */
export const customerLocator: INodeProperties = byIdLocator({
	displayName: 'Customer',
	name: 'customerId',
	description: 'The customer to work on',
	placeholder: 'cus_1MtPzM2eZvKYlo2C',
	hint: 'The ID WooshPay gave the customer, or an expression such as {{ $json.customerId }}',
});

/** The cardholder a single-cardholder operation works on: picked from a list, or by ID. */
export const cardholderLocator = listOrIdLocator('Cardholder', 'cardholderId', 'searchCardholders', 'ich_1MsKAB2eZvKYlo2C');

/** The issuing card an operation works on. */
export const cardLocator = listOrIdLocator('Card', 'cardId', 'searchCards', 'ic_1MsKAB2eZvKYlo2C');

/** The issuing authorization an operation works on. */
export const authorizationLocator = listOrIdLocator('Authorization', 'authorizationId', 'searchAuthorizations', 'iauth_1MsKAB2eZvKYlo2C');

/** The issuing transaction an operation works on. */
export const transactionLocator = listOrIdLocator('Transaction', 'transactionId', 'searchTransactions', 'ipi_1MsKAB2eZvKYlo2C');

/**
 * A locator used as a list filter, such as "only the cards of this cardholder": the same
 * From List / By ID choice, named after the query parameter it is sent as; `routing` sends it.
 */
export function filterLocator(
	locator: INodeProperties,
	field: { name: string; description: string; routing: INodeProperties['routing'] },
): INodeProperties {
	return { ...locator, ...field, required: false };
}

/** The optional fields of an operation, in the collection "Additional Fields". */
export function additionalFields(displayOptions: INodeProperties['displayOptions'], options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options,
	};
}

/** The fields an Update operation changes, in the collection "Update Fields". */
export function updateFields(displayOptions: INodeProperties['displayOptions'], options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options,
	};
}

/** Fields in the order the editor lists a collection's options: by name. */
export function sortedByName(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

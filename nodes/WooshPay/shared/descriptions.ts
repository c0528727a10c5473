import type { INodeProperties } from 'n8n-workflow';

/** Shows a field only for one resource and some of its operations. */
export function showFor(resource: string, operations: string[]): INodeProperties['displayOptions'] {
	return { show: { resource: [resource], operation: operations } };
}

/** The customer a single-customer operation works on. WooshPay has no customer list, so By ID only. */
export const customerLocator: INodeProperties = byIdLocator({
	displayName: 'Customer',
	name: 'customerId',
	description: 'The customer to work on',
	placeholder: 'cus_1MtPzM2eZvKYlo2C',
	hint: 'The ID WooshPay gave the customer, or an expression such as {{ $json.customerId }}',
});

/**
 * A locator of one object: picked **From List** (a list search method in listSearch/, searchable,
 * more loaded as the user scrolls) or given **By ID**. `name` is the parameter's name.
 */
function listOrIdLocator(
	displayName: string,
	name: string,
	searchListMethod: string,
	placeholder: string,
): INodeProperties {
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
 * From List / By ID choice, named after the query parameter it is sent as.
 */
export function filterLocator(locator: INodeProperties, name: string, description: string): INodeProperties {
	return { ...locator, name, description, required: false };
}

/**
 * A resource locator with only a By ID mode, for objects WooshPay lists nowhere (or not yet in
 * this node); listOrIdLocator adds a From List mode, as a later version can without breaking
 * saved workflows.
 */
export function byIdLocator(field: {
	displayName: string;
	name: string;
	description: string;
	placeholder: string;
	hint: string;
}): INodeProperties {
	const { displayName, name, description, placeholder, hint } = field;
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description,
		modes: [{ displayName: 'By ID', name: 'id', type: 'string', placeholder, hint }],
	};
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

/** The collections each resource defines for itself and the node shows as one (oneCollectionPerKind). */
export const SHARED_COLLECTIONS = ['additionalFields', 'updateFields', 'filters'] as const;

/**
 * One collection of each kind named in `names` (Additional Fields, Update Fields, Filters) for
 * all resources, instead of one per resource, placed after the other fields (where each was
 * last among its operation's fields). Why: n8n's engine walks every top-level property of a
 * declarative node twice for each item, shown or not, so each property fewer lowers the cost per
 * item of every operation (bench/README.md, "The node's size").
 *
 * Each field stays defined with its resource (resources/<resource>/); here it is shown only for
 * that resource (`'/resource'`: the node's Resource, from inside the collection), and the
 * collection for every resource it served. Fields of two resources may share a name (Status,
 * Metadata): n8n's editor and engine take, of several same-named fields, the one shown. The
 * collections of one kind must agree in everything but their resource and fields.
 */
export function oneCollectionPerKind(properties: INodeProperties[], names: readonly string[] = SHARED_COLLECTIONS): INodeProperties[] {
	const folded = (property: INodeProperties) => property.type === 'collection' && names.includes(property.name);
	const collections = names.map((name) => {
		const group = properties.filter((property) => folded(property) && property.name === name);
		const [first, ...rest] = group;
		const { resource, operation, ...otherConditions } = first.displayOptions?.show ?? {};
		const differs = (c: INodeProperties) =>
			c.displayName !== first.displayName ||
			c.placeholder !== first.placeholder ||
			JSON.stringify(c.displayOptions?.show?.operation) !== JSON.stringify(operation) ||
			Object.keys(c.displayOptions?.show ?? {}).some((key) => key !== 'resource' && key !== 'operation');
		if (!resource || Object.keys(otherConditions).length > 0 || rest.some(differs)) {
			throw new Error(`The "${name}" collections differ in more than their resource and fields`);
		}
		const options = group.flatMap((c) =>
			(c.options as INodeProperties[]).map((option) => ({
				...option,
				displayOptions: { ...option.displayOptions, show: { ...option.displayOptions?.show, '/resource': c.displayOptions?.show?.resource } },
			})),
		);
		return {
			...first,
			displayOptions: { show: { resource: group.flatMap((c) => c.displayOptions?.show?.resource ?? []), operation } },
			options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		};
	});
	return [...properties.filter((property) => !folded(property)), ...collections];
}

import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export const TEST_HOST = 'https://apitest.wooshpay.com';
export const LIVE_HOST = 'https://api.wooshpay.com';

/** The base URL the credential points at, as an n8n expression over `$credentials`. */
export const BASE_URL_EXPRESSION = `={{ $credentials.environment === "custom" ? String($credentials.baseUrl || "").trim().replace(/\\/+$/, "") : $credentials.environment === "live" ? "${LIVE_HOST}" : "${TEST_HOST}" }}`;

/** The same base URL computed in code, for requests made outside declarative routing. */
export function baseUrlFor(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'custom') return String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	return credentials.environment === 'live' ? LIVE_HOST : TEST_HOST;
}

export class WooshPayApi implements ICredentialType {
	name = 'wooshPayApi';

	displayName = 'WooshPay API';

	icon = { light: 'file:../icons/wooshpay.svg', dark: 'file:../icons/wooshpay.dark.svg' } as const;

	documentationUrl = 'https://docs.wooshpay.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'sk_test_...',
			description:
				'Your secret key from the WooshPay dashboard (Developers → API keys). It starts with sk_test_ for the test environment and sk_live_ for live.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'test',
			options: [
				{
					name: 'Test',
					value: 'test',
					description: `${TEST_HOST}, for sk_test_ keys: nothing real happens`,
				},
				{
					name: 'Live',
					value: 'live',
					description: `${LIVE_HOST}, for sk_live_ keys: real customers and cards`,
				},
				{
					name: 'Custom',
					value: 'custom',
					description: 'Another address, such as a sandbox, a proxy or a local simulator',
				},
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'http://127.0.0.1:4010',
			description: 'The address requests go to instead of WooshPay’s own; paths such as /v1/customers are added to it',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName:
				'This is a test key (sk_test_) but the environment is Live. Choose Test, or use a live key (sk_live_).',
			name: 'testKeyOnLive',
			type: 'notice',
			default: '',
			displayOptions: { show: { environment: ['live'], secretKey: [{ _cnd: { startsWith: 'sk_test_' } }] } },
		},
		{
			displayName:
				'This is a live key (sk_live_) but the environment is Test. Choose Live, or use a test key (sk_test_).',
			name: 'liveKeyOnTest',
			type: 'notice',
			default: '',
			displayOptions: { show: { environment: ['test'], secretKey: [{ _cnd: { startsWith: 'sk_live_' } }] } },
		},
	];

	/**
	 * HTTP Basic auth: the secret key as user name, an empty password. A function rather than a
	 * generic block: a run of thousands of requests then evaluates no expression for it.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, auth: { username: String(credentials.secretKey ?? '').trim(), password: '' } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/v1/balance',
			method: 'GET',
			// A redirect would take the key to wherever it points: it is an error instead (rules below).
			disableFollowRedirect: true,
		},
		rules: [
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message: `The address answered ${value}, a redirect, which is not followed so that the key goes nowhere else. Check the Environment and, for Custom, the Base URL: it must be the address that answers the API itself.`,
				},
			})),
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'WooshPay did not accept this secret key. Check the key, and that the Environment fits it: sk_test_ keys belong to Test, sk_live_ keys to Live.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No WooshPay API answered at this address. Check the Environment and, for Custom, the Base URL.',
				},
			},
		],
	};
}

// `npm run lint` (n8n-node lint): n8n's own config, with n8n Cloud support on, unmodified, for
// the package: nodes/, credentials/, package.json. The folders that never ship (tests,
// benchmark, scripts) run in Node, not in n8n, and need what n8n Cloud forbids (process,
// node:http, fs): eslint.dev.config.mjs lints them (`npm run lint:dev`). README "Development".
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

import { devOnly } from './eslint.dev.config.mjs';

export default [globalIgnores(devOnly), ...config];

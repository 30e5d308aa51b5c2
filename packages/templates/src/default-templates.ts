/**
 * @module default-templates
 * The message patterns a team locks in before anything breaks: every message kind for every
 * audience, short and specific, each declaring the variables it uses.
 */
import type { TemplateDefinition } from './compile';
import { CUSTOMER_TEMPLATES, SUPPORT_TEMPLATES } from './default-templates/customer';
import { INTERNAL_TEMPLATES } from './default-templates/internal';
import { ACCOUNT_TEMPLATES, SALES_TEMPLATES } from './default-templates/sales';

/**
 * Every default template: kinds `initial`, `update`, `workaround`, `resolved` for `customer`,
 * `support-reply` and `internal`; `initial`, `update`, `resolved` for the sales audiences and
 * `cs-account` (their `workaround` messages use the `update` template, which carries the workaround).
 * Ids are `kind/audience`; a host adds `kind/audience/incident-type` variants in the runbook.
 */
export const DEFAULT_TEMPLATES: readonly TemplateDefinition[] = Object.freeze([
  ...CUSTOMER_TEMPLATES,
  ...SUPPORT_TEMPLATES,
  ...SALES_TEMPLATES,
  ...ACCOUNT_TEMPLATES,
  ...INTERNAL_TEMPLATES,
]);

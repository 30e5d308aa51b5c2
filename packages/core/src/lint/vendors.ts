/**
 * @module lint/vendors
 * Named providers a draft may blame, and causes stated as events ("a database migration went
 * wrong"). Read by `no-cause-speculation`; a runbook adds its own vendors under
 * `lint.phrases.no-cause-speculation`.
 */
import { gate } from './triggers';

/** Cloud, e-mail, payment and network providers people name in outage messages. Case-sensitive. */
const VENDOR =
  '(?:AWS|Amazon Web Services|Amazon S3|S3|EC2|SES|Azure|Microsoft 365|Office 365|M365|Google Cloud|GCP|Google Workspace|Cloudflare|Fastly|Akamai|Stripe|PayPal|Adyen|Braintree|Twilio|SendGrid|Mailgun|Postmark|Mailchimp|Okta|Auth0|GitHub|GitLab|Heroku|Vercel|Netlify|DigitalOcean|Linode|OVH|OVHcloud|Hetzner|Salesforce|Zendesk|Shopify|Datadog|PagerDuty|Atlassian|Apple|iCloud|Facebook|Meta|Comcast|Verizon|AT&T|BT|Openreach|Level 3|Lumen|CenturyLink|Oracle|IBM Cloud|Supabase|Firebase|MongoDB Atlas|Snowflake)';

// The names' first letters: a lookahead on them spares the two lookbehinds at every other
// position (the same matches, found faster).
const VENDOR_FIRST = `[${[
  ...new Set(
    VENDOR.slice(3, -1)
      .split('|')
      .map((name) => name[0]),
  ),
].join('')}]`;

/**
 * A named provider blamed for the incident: "AWS is down, which is why", "looks like SES is
 * having issues", "it's a Microsoft 365 problem, not ours", "an outage at Cloudflare".
 */
export const VENDOR_BLAME = gate(
  new RegExp(
    `(?=${VENDOR_FIRST})(?<![\\w-])(?<!(?:through|via|using|with|by|from|on|at|in)\\s)${VENDOR}(?:['’]s)?\\s+(?:(?:is|are|was|were|has been|have been|seems? to be|appears? to be)\\s+(?:currently\\s+|also\\s+|still\\s+)?(?:down|having|experiencing|seeing|degraded|failing|broken|out|the (?:cause|problem|issue))|(?:issue|problem|outage|incident|failure|fault)s?\\b)|\\b(?:outage|issue|problem|incident|failure|fault|disruption)s?\\s+(?:at|with|on|from|in)\\s+(?:our\\s+)?${VENDOR}(?![\\w-])`,
    'g',
  ),
  'aws amazon s3 ec2 ses azure microsoft office m365 google gcp cloudflare fastly akamai stripe paypal adyen braintree twilio sendgrid mailgun postmark mailchimp okta auth0 github gitlab heroku vercel netlify digitalocean linode ovh ovhcloud hetzner salesforce zendesk shopify datadog pagerduty atlassian apple icloud facebook meta comcast verizon at bt openreach level lumen centurylink oracle ibm supabase firebase mongodb snowflake',
);

/**
 * A cause told as an event, or the fault put elsewhere: "a database migration went wrong",
 * "a deployment broke checkout", "which is why", "not ours", "on their side".
 */
export const CAUSE_EVENT = gate(
  /\b(?:(?:an?|the|our|this morning['’]s|last night['’]s|a recent|a bad|a faulty)\s+(?:\w+\s+)?(?:migration|deploy(?:ment)?|release|update|upgrade|config(?:uration)? change|code change|change|patch|certificate renewal|network change|maintenance)\s+(?:went wrong|failed|broke|caused|introduced|triggered|took down|brought down)|which is why|(?:problem|issue|fault),?\s+not (?:ours|us|on our (?:side|end))|(?:on|at) (?:their|the provider['’]s|the vendor['’]s|the carrier['’]s) (?:side|end))\b/gi,
  'migration deploy release update upgrade config code change patch certificate network maintenance which problem issue fault on at',
);

/**
 * @module examples/checkout-outage
 * `npm run demo`: the Tuesday checkout outage end to end, printed as a timeline. Delivers to a
 * local SMTP server and Slack stub unless SMTP_URL / SLACK_TOKEN + SLACK_CHANNEL are set.
 */
import { runDemo } from './demo/run-demo';

try {
  await runDemo();
} catch (error) {
  const code = (error as { code?: unknown }).code;
  console.error(
    `\nThe demo stopped: ${error instanceof Error ? error.message : String(error)}${typeof code === 'string' ? ` [${code}]` : ''}`,
  );
  process.exitCode = 1;
}

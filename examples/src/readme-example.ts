import { classifySeverity, lintMessage } from '@incident-comms/core';
import { loadRunbook } from '@incident-comms/core/node';

const runbook = await loadRunbook('runbook.yaml'); // start from packages/core/runbook.example.yaml
const { severity, reason } = classifySeverity({ customers: 'some', canStillWork: 'no', workaroundKnown: false });
console.log(`${severity}: ${reason} Update customers every ${runbook.cadence.minutes[severity]} minutes.`);

const draft = 'Checkout is fixed and should be back in 10 minutes. We suspect our payment provider.';
for (const d of lintMessage(draft, { kind: 'update', audience: 'customer', facts: { scope: 'some' } }))
  console.log(`${d.line}:${d.column} ${d.severity} ${d.ruleId}: ${d.message}`);

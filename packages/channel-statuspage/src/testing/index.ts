/**
 * @module @incident-comms/channel-statuspage/testing
 * A local stub of the Statuspage REST API on 127.0.0.1 for tests, examples and demos.
 */
export type {
  StatuspageStub,
  StatuspageStubFault,
  StatuspageStubOptions,
  StubIncident,
} from './statuspage-stub';
export { startStatuspageStub } from './statuspage-stub';

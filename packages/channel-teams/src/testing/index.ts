/**
 * @module @incident-comms/channel-teams/testing
 * A local stub of Teams Workflows webhooks on 127.0.0.1 for tests, examples and demos.
 */
export type {
  TeamsStubFault,
  TeamsStubPost,
  TeamsWorkflowsStub,
  TeamsWorkflowsStubOptions,
} from './workflows-stub';
export { startTeamsWorkflowsStub } from './workflows-stub';

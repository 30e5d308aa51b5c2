/**
 * @module @incident-comms/store-postgres/testing
 * A throwaway PostgreSQL server for a host's own tests (needs the server binaries installed).
 */
export { findPgBin, type PgCluster, startPgCluster } from './pg-cluster';

/**
 * The dashboard against the API-server mock: its CRUD store for VaskApps and Secrets, expectations
 * ({@link io.vask.operator.dashboard.ReviewStubs}) for the reviews; and the launcher the browser
 * test (e2e/js/test/dashboard.test.mjs) starts.
 */
package io.vask.operator.dashboard;

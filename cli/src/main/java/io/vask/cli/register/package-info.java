/**
 * {@code vask register}: proves ownership of a GitHub-published SSH key to the operator's
 * registration endpoint (challenge, {@code ssh-keygen -Y sign}, register).
 */
package io.vask.cli.register;

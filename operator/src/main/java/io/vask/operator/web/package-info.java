/**
 * App registration with an SSH key (off by default): {@link
 * io.vask.operator.web.RegistrationServer} serves {@code POST /register/challenge} and {@code POST
 * /register}; {@link io.vask.operator.web.Registration} checks rate, allow-list, challenge and the
 * SSHSIG signature ({@link io.vask.operator.web.SshSignature}) against the user's published keys,
 * then {@link io.vask.operator.web.AppRegistrar} creates the VaskApp and its credentials Secret.
 */
package io.vask.operator.web;

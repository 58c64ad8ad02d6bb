/** The registration endpoint with keys and signatures made by the real ssh-keygen. */
package io.vask.operator.web;

/**
 * Where credentials and the server address come from: flags, then {@code PUSHER_*} environment
 * variables, then the config file ({@code ~/.config/vask/config.json} or {@code --config}).
 */
package io.vask.cli.config;

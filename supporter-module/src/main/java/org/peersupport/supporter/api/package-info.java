/** The supporter module's public surface: commands, events, queries and the rules it names. */
@org.springframework.modulith.NamedInterface("api")
package org.peersupport.supporter.api;

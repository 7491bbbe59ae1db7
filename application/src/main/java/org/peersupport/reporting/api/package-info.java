/** The read side's public surface: queries and the read-model views they answer with. */
@org.springframework.modulith.NamedInterface("api")
package org.peersupport.reporting.api;

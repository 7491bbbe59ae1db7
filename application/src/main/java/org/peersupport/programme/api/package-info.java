/** Programmes: their definitions and versioned rules, the three seed templates, and their queries. */
@org.springframework.modulith.NamedInterface("api")
package org.peersupport.programme.api;

/** Data subjects' rights: erasure (with its one-month deadline), retention, subject access. */
@org.springframework.modulith.NamedInterface("api")
package org.peersupport.privacy.api;

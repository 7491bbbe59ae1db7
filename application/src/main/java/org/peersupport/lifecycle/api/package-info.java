/** The matching process's commands: each runs as one unit of work across the modules it touches. */
@org.springframework.modulith.NamedInterface("api")
package org.peersupport.lifecycle.api;

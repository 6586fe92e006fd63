/** How domain events are written to and read from Spring Modulith's event publication registry. */
package org.xinyong.platform.events;

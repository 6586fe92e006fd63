/**
 * Access: organisations (credit centre, departments, cities, courts…), staff users and their roles, API keys
 * of department systems, and the security rules that decide who may call what.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.xinyong.access;

/** Web plumbing every module uses: RFC 9457 problem responses and console menu contributions. */
package org.xinyong.platform.web;

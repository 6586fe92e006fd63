package org.xinyong.objection;

/** Who handles the objection (art. 52: the platform's operator or the providing unit). */
public enum Route {
	PLATFORM, PROVIDER
}

/** Locale resolution: Chinese first, English by choice ({@code ?lang=}) or {@code Accept-Language}. */
package org.xinyong.platform.i18n;

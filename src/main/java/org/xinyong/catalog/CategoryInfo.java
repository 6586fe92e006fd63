package org.xinyong.catalog;

/**
 * One of the information categories as named by the national base catalog edition in force.
 *
 * @param number the category's position in the national table (1–13)
 */
public record CategoryInfo(InfoCategory code, int number, String name, String nameEn, Provenance provenance) {
}

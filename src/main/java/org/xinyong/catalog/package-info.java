/**
 * Catalog (公共信用信息目录, art. 27): the national base catalog and the regional and city supplementary catalogs,
 * their versions and lifecycle, each item's field schema, and who may provide which item.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.xinyong.catalog;

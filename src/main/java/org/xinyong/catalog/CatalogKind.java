package org.xinyong.catalog;

/** The kinds of catalogs (art. 27): the national base catalog, the region's and each city's supplementary catalog. */
public enum CatalogKind {
	/** 全国公共信用信息基础目录: official editions, imported as published. */
	NATIONAL_BASE,
	/** 自治区公共信用信息补充目录. */
	REGION,
	/** 设区的市公共信用信息补充目录, keyed by the city organisation's unified code and filed (备案) with the region. */
	CITY;

	public boolean supplementary() {
		return this != NATIONAL_BASE;
	}
}

package org.xinyong.catalog;

/** 共享属性 of an item: how it may be shared with state bodies. */
public enum SharingLevel {
	/** 无条件共享. */
	UNCONDITIONAL,
	/** 有条件共享: only to organisations granted the item, with a stated purpose. */
	CONDITIONAL,
	/** 不予共享. */
	NONE
}

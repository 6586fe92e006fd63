/**
 * Objections (异议, art. 52, 54) and provider self-correction (自行更正, art. 53): a credit subject files an
 * objection against a version of one of its records; the platform or the providing unit decides within working-day
 * deadlines (3, or 7 when another unit must help, which answers within 3); upheld objections correct the record,
 * rejected ones give reasons. While an objection is pending, the record's public view carries "异议处理中"
 * ({@link org.xinyong.objection.PendingObjections}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Objection")
package org.xinyong.objection;

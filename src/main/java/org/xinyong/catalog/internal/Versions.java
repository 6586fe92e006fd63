package org.xinyong.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.CatalogKind;
import org.xinyong.catalog.CategoryInfo;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.Provenance;
import org.xinyong.catalog.VersionStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Catalogs, their versions, the item revisions of each version, lifecycle events and consultation comments.
 * Append-only: rows are never updated or deleted (the database refuses it).
 */
@Repository
public class Versions {

	/** Serialises catalog changes across threads and nodes ("V2_1"). */
	private static final long LOCK = 7262001L;

	private static final String VERSION_COLUMNS = """
			v.id, v.version, v.origin, v.copied_from_version_id, v.edition, v.title, v.title_en, v.issuer, v.document,
			v.issued_on, v.provenance::text as provenance, v.source_name, v.sha256, v.created_at, v.created_by,
			c.id as c_id, c.code as c_code, c.kind as c_kind, c.owner_organisation_id as c_owner,
			c.created_at as c_created_at, c.created_by as c_created_by""";

	private final JdbcClient jdbc;

	Versions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void lock() {
		jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().singleRow();
	}

	// --- catalogs

	public Optional<StoredCatalog> catalog(String code) {
		return jdbc.sql("select * from catalog where code = ?").param(code).query(Versions::catalog).optional();
	}

	/** The national base catalog first, then the region's, then the cities' by code. */
	public List<StoredCatalog> catalogs() {
		return jdbc.sql("""
				select * from catalog
				order by case kind when 'NATIONAL_BASE' then 0 when 'REGION' then 1 else 2 end, code""")
			.query(Versions::catalog)
			.list();
	}

	StoredCatalog createCatalog(String code, CatalogKind kind, Long owner, Instant at, String by) {
		long id = jdbc.sql("""
				insert into catalog (code, kind, owner_organisation_id, created_at, created_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(code, kind.name(), owner, Timestamp.from(at), by)
			.query(Long.class)
			.single();
		return new StoredCatalog(id, code, kind, owner, at, by);
	}

	// --- versions

	public Optional<CatalogVersion> version(long id) {
		return jdbc.sql("select " + VERSION_COLUMNS + " from catalog_version v join catalog c on c.id = v.catalog_id"
				+ " where v.id = ?")
			.param(id)
			.query(this::mapVersion)
			.optional();
	}

	/** Every version of a catalog, newest first. */
	public List<CatalogVersion> versions(long catalogId) {
		return jdbc.sql("select " + VERSION_COLUMNS + " from catalog_version v join catalog c on c.id = v.catalog_id"
				+ " where c.id = ? order by v.version desc")
			.param(catalogId)
			.query(this::mapVersion)
			.list();
	}

	public Optional<CatalogVersion> latest(long catalogId) {
		return versions(catalogId).stream().findFirst();
	}

	/** The version in force of each catalog: its latest published version. */
	public List<Long> inForce() {
		return jdbc.sql("""
				select distinct on (v.catalog_id) v.id from catalog_version v
				join catalog_version_event e on e.catalog_version_id = v.id and e.event = 'PUBLISHED'
				order by v.catalog_id, v.version desc""")
			.query(Long.class)
			.list();
	}

	/** Changes whenever a version is published anywhere. */
	public long publicationStamp() {
		return jdbc.sql("select coalesce(max(id), 0) from catalog_version_event where event = 'PUBLISHED'")
			.query(Long.class)
			.single();
	}

	/** What a new version carries besides its items. */
	record NewVersion(String origin, Long copiedFrom, String edition, String title, String titleEn, String issuer,
			String document, LocalDate issuedOn, Provenance provenance, List<CategoryInfo> categories,
			String sourceName, String sha256) {

		static NewVersion draft(Long copiedFrom) {
			return new NewVersion("DRAFT", copiedFrom, null, null, null, null, null, null, null, List.of(), null, null);
		}
	}

	long addVersion(long catalogId, NewVersion v, Instant at, String by) {
		int number = jdbc.sql("select coalesce(max(version), 0) + 1 from catalog_version where catalog_id = ?")
			.param(catalogId)
			.query(Integer.class)
			.single();
		return jdbc.sql("""
				insert into catalog_version (catalog_id, version, origin, copied_from_version_id, edition, title,
				    title_en, issuer, document, issued_on, provenance, categories, source_name, sha256, created_at,
				    created_by)
				values (:catalog, :version, :origin, :copied, :edition, :title, :titleEn, :issuer, :document, :issuedOn,
				    cast(:provenance as jsonb), cast(:categories as jsonb), :sourceName, :sha256, :at, :by)
				returning id""")
			.param("catalog", catalogId)
			.param("version", number)
			.param("origin", v.origin())
			.param("copied", v.copiedFrom())
			.param("edition", v.edition())
			.param("title", v.title())
			.param("titleEn", v.titleEn())
			.param("issuer", v.issuer())
			.param("document", v.document())
			.param("issuedOn", v.issuedOn())
			.param("provenance", v.provenance() == null ? null : ItemJson.provenance(v.provenance()).toString())
			.param("categories", v.categories().isEmpty() ? null : categoriesJson(v.categories()))
			.param("sourceName", v.sourceName())
			.param("sha256", v.sha256())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	/** The categories table stored with a version (national base editions). */
	public List<CategoryInfo> categories(long versionId) {
		String json = jdbc.sql("select categories::text from catalog_version where id = ?")
			.param(versionId)
			.query(String.class)
			.optional()
			.orElse(null);
		if (json == null) {
			return List.of();
		}
		List<CategoryInfo> out = new ArrayList<>();
		ItemJson.Reader r = new ItemJson.Reader(CatalogContentInvalidException.FILE);
		for (JsonNode n : CatalogFile.STRICT_JSON.readTree(json).values()) {
			out.add(new CategoryInfo(InfoCategory.valueOf(n.get("code").stringValue()), n.get("number").intValue(),
					n.get("name").stringValue(), r.text(n, "", "nameEn"),
					ItemJson.provenance(r, n.get("provenance"), "provenance")));
		}
		return out;
	}

	private static String categoriesJson(List<CategoryInfo> categories) {
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		for (CategoryInfo c : categories) {
			ObjectNode o = array.addObject();
			o.put("code", c.code().name());
			o.put("number", c.number());
			o.put("name", c.name());
			if (c.nameEn() != null) {
				o.put("nameEn", c.nameEn());
			}
			if (c.provenance() != null) {
				o.set("provenance", ItemJson.provenance(c.provenance()));
			}
		}
		return array.toString();
	}

	// --- items

	/** The items of a version (latest revision of each code, removals left out), in the order first added. */
	public List<CatalogItem> items(long versionId) {
		return jdbc.sql("""
				select r.definition::text from catalog_item_revision r
				join (select item_code, max(revision) as rev, min(id) as first from catalog_item_revision
				      where catalog_version_id = :v group by item_code) l
				  on l.item_code = r.item_code and l.rev = r.revision
				where r.catalog_version_id = :v and r.definition is not null
				order by l.first""")
			.param("v", versionId)
			.query(String.class)
			.list()
			.stream()
			.map(Versions::item)
			.toList();
	}

	public Optional<CatalogItem> item(long versionId, String code) {
		return jdbc.sql("""
				select definition::text from catalog_item_revision where catalog_version_id = ? and item_code = ?
				order by revision desc limit 1""")
			.params(versionId, code)
			.query((rs, i) -> rs.getString(1))
			.optional()
			.filter(json -> json != null)
			.map(Versions::item);
	}

	/** How many revisions each item of the version has had (including removals). */
	public Map<String, Integer> revisionCounts(long versionId) {
		return jdbc.sql("select item_code, count(*) as n from catalog_item_revision where catalog_version_id = ?"
				+ " group by item_code")
			.param(versionId)
			.query((rs, i) -> Map.entry(rs.getString("item_code"), rs.getInt("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	void putItem(long versionId, CatalogItem item, Instant at, String by) {
		addRevision(versionId, item.code(), ItemJson.write(item).toString(), at, by);
	}

	void removeItem(long versionId, String code, Instant at, String by) {
		addRevision(versionId, code, null, at, by);
	}

	private void addRevision(long versionId, String code, String definition, Instant at, String by) {
		jdbc.sql("""
				insert into catalog_item_revision (catalog_version_id, item_code, revision, definition, created_at, created_by)
				values (:v, :code, (select coalesce(max(revision), 0) + 1 from catalog_item_revision
				                    where catalog_version_id = :v and item_code = :code),
				        cast(:definition as jsonb), :at, :by)""")
			.param("v", versionId)
			.param("code", code)
			.param("definition", definition)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	static CatalogItem item(String json) {
		return ItemJson.read(CatalogFile.STRICT_JSON.readTree(json), "", CatalogContentInvalidException.ITEM);
	}

	// --- events and comments

	void addEvent(long versionId, String event, VersionStatus after, String document, LocalDate documentDate,
			String note, Long organisationId, Instant at, String by) {
		jdbc.sql("""
				insert into catalog_version_event (catalog_version_id, event, status_after, document, document_date,
				    note, organisation_id, occurred_at, actor)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(versionId, event, after.name(), document, documentDate, note, organisationId, Timestamp.from(at),
					by)
			.update();
	}

	private List<VersionEvent> events(long versionId) {
		return jdbc.sql("select * from catalog_version_event where catalog_version_id = ? order by id")
			.param(versionId)
			.query((rs, i) -> new VersionEvent(rs.getLong("id"), versionId, rs.getString("event"),
					VersionStatus.valueOf(rs.getString("status_after")), rs.getString("document"),
					rs.getObject("document_date", LocalDate.class), rs.getString("note"), nullableLong(rs, "organisation_id"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor")))
			.list();
	}

	long addComment(long versionId, String itemCode, String author, String authorOrganisation, Long organisationId,
			String text, Instant receivedAt, Instant at, String by) {
		return jdbc.sql("""
				insert into catalog_comment (catalog_version_id, item_code, author, author_organisation, organisation_id,
				    text, received_at, recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(versionId, itemCode, author, authorOrganisation, organisationId, text, Timestamp.from(receivedAt),
					Timestamp.from(at), by)
			.query(Long.class)
			.single();
	}

	public List<Comment> comments(long versionId) {
		return jdbc.sql("select * from catalog_comment where catalog_version_id = ? order by received_at, id")
			.param(versionId)
			.query((rs, i) -> new Comment(rs.getLong("id"), versionId, rs.getString("item_code"),
					rs.getString("author"), rs.getString("author_organisation"), nullableLong(rs, "organisation_id"),
					rs.getString("text"), rs.getTimestamp("received_at").toInstant(),
					rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")))
			.list();
	}

	// --- mapping

	private CatalogVersion mapVersion(ResultSet rs, int row) throws SQLException {
		StoredCatalog catalog = new StoredCatalog(rs.getLong("c_id"), rs.getString("c_code"),
				CatalogKind.valueOf(rs.getString("c_kind")), nullableLong(rs, "c_owner"),
				rs.getTimestamp("c_created_at").toInstant(), rs.getString("c_created_by"));
		long id = rs.getLong("id");
		String provenance = rs.getString("provenance");
		return new CatalogVersion(id, catalog, rs.getInt("version"), rs.getString("origin"),
				nullableLong(rs, "copied_from_version_id"), rs.getString("edition"), rs.getString("title"),
				rs.getString("title_en"), rs.getString("issuer"), rs.getString("document"),
				rs.getObject("issued_on", LocalDate.class),
				provenance == null ? null
						: ItemJson.provenance(new ItemJson.Reader(CatalogContentInvalidException.FILE),
								CatalogFile.STRICT_JSON.readTree(provenance), "provenance"),
				rs.getString("source_name"), rs.getString("sha256"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), events(id));
	}

	private static StoredCatalog catalog(ResultSet rs, int row) throws SQLException {
		return new StoredCatalog(rs.getLong("id"), rs.getString("code"), CatalogKind.valueOf(rs.getString("kind")),
				nullableLong(rs, "owner_organisation_id"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"));
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Map<String, CatalogItem> byCode(List<CatalogItem> items) {
		Map<String, CatalogItem> map = new LinkedHashMap<>();
		items.forEach(i -> map.put(i.code(), i));
		return map;
	}
}
